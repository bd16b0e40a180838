"""One internal_api per test module (`tests.internal_api.module_app`), embedded mode without a
Stripe key (the test payment provider), and the agency and sub-account billing's tests use."""

from dataclasses import dataclass

import pytest

from shared.models.account import Account
from tests.factories import SignedIn, create_signed_in, create_sub_account
from tests.internal_api.module_app import module_api  # noqa: F401 (a fixture)

BILLING = "/v1/billing"


@pytest.fixture
async def api(module_api, mongo):  # noqa: F811
    return module_api


@dataclass
class Agency:
    owner: SignedIn  # signed in to the agency
    client: SignedIn  # the sub-account's owner, signed in to it
    sub_account: Account


@pytest.fixture
async def agency(mongo) -> Agency:
    owner = await create_signed_in()
    sub_account = await create_sub_account(owner.account, name="Acme Dental")
    client = await create_signed_in(sub_account, email="owner@acme.example")
    return Agency(owner, client, sub_account)


async def create_monthly_price(api, owner: SignedIn, **overrides) -> dict:
    product = await api.post(f"{BILLING}/products", json={"name": "Pro"}, headers=owner.headers)
    body = {
        "product_id": product.json()["id"],
        "kind": "recurring",
        "unit_amount": 3000,
        "currency": "USD",
        "interval": "month",
        **overrides,
    }
    price = await api.post(f"{BILLING}/prices", json=body, headers=owner.headers)
    assert price.status_code == 201, price.text
    return price.json()
