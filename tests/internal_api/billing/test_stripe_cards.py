"""/v1/billing/payment-methods with a Stripe key: a sub-account's card is saved in its agency's
connected Stripe account (`Stripe-Account`), the sub-account made a customer there once, every
POST with its `Idempotency-Key`; until the agency connects Stripe, 409 `stripe_not_connected`."""

import httpx
import pytest

from shared.domain.payments.stripe import StripePaymentProvider
from shared.models.payment_customer import PaymentCustomer
from shared.models.stripe_token import StripeToken
from tests.external_api.fakes import FakeProviders, form_of, json_answer
from tests.external_api.fakes.stripe_payments import (
    CONNECTED,
    CUSTOMER_ID,
    CUSTOMERS_URL,
    SECRET_KEY,
    SETUP_INTENT,
    SETUP_INTENTS_URL,
    customer,
)
from tests.internal_api.billing.conftest import BILLING

SETUP = f"{BILLING}/payment-methods/setup-intent"


@pytest.fixture
def fake_stripe() -> FakeProviders:
    fake = FakeProviders()
    fake.on("POST", CUSTOMERS_URL, json_answer(customer()))
    fake.on("POST", SETUP_INTENTS_URL, json_answer(SETUP_INTENT))
    return fake


@pytest.fixture
async def with_stripe(api, billing_app, fake_stripe):
    """The billing tests' app with Stripe as its payment provider (as with a Stripe key),
    faked at its transport, for the test."""
    test_provider = billing_app.state.payments
    async with httpx.AsyncClient(transport=fake_stripe.transport()) as http:
        billing_app.state.payments = StripePaymentProvider(http, SECRET_KEY)
        try:
            yield api
        finally:
            billing_app.state.payments = test_provider


async def test_a_sub_accounts_card_is_set_up_in_its_agencys_connected_account(
    with_stripe, fake_stripe, agency
):
    await StripeToken(
        account_id=agency.owner.account.id, access_token="sealed", external_id=CONNECTED
    ).insert()

    first = await with_stripe.post(SETUP, headers=agency.client.headers)
    await with_stripe.post(SETUP, headers=agency.client.headers)

    assert first.status_code == 201, first.text
    assert first.json() == {
        "id": SETUP_INTENT["id"],
        "client_secret": SETUP_INTENT["client_secret"],
        "provider": "stripe",
        "connected_account": CONNECTED,
    }
    [made] = fake_stripe.sent("POST", CUSTOMERS_URL)
    assert made.headers["stripe-account"] == CONNECTED
    assert made.headers["idempotency-key"] == f"customer:{CONNECTED}:{agency.sub_account.id}"
    assert form_of(made)["metadata[account_id]"] == str(agency.sub_account.id)
    intents = fake_stripe.sent("POST", SETUP_INTENTS_URL)
    assert [form_of(intent)["customer"] for intent in intents] == [CUSTOMER_ID, CUSTOMER_ID]
    assert len({intent.headers["idempotency-key"] for intent in intents}) == 2


async def test_without_the_agencys_stripe_connection_no_card_is_set_up(
    with_stripe, fake_stripe, agency
):
    response = await with_stripe.post(SETUP, headers=agency.client.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "stripe_not_connected"
    assert fake_stripe.requests == []
    assert await PaymentCustomer.find_all().count() == 0
