"""One internal_api for every billing test module (as `tests.internal_api.module_app` makes
one per module: starting it is most of what these tests would cost), in embedded mode without a
Stripe key (the test payment provider), and the agency and sub-account the tests bill."""

from dataclasses import dataclass

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.account import Account
from tests.factories import SignedIn, create_signed_in, create_sub_account
from tests.fixtures import asgi_client

BILLING = "/v1/billing"


@pytest.fixture(scope="package")
def billing_app():
    return create_app(InternalApiSettings())


@pytest.fixture(scope="package")
async def billing_api(billing_app):
    async with asgi_client(billing_app) as client:
        yield client


@pytest.fixture
async def api(billing_api, mongo):
    return billing_api


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
