"""Stripe's Connect events: the object they carry copied into the billing collections of the
account that connected the Stripe account, never older over newer."""

import pytest
from beanie import PydanticObjectId

from queue_manager.integrations.stripe import handle
from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_subscription import BillingSubscription
from shared.models.stripe_token import StripeToken
from tests.external_api.fakes.stripe import CHARGE, CONNECTED, SUBSCRIPTION, customer


@pytest.fixture
async def account_id() -> PydanticObjectId:
    token = await StripeToken(
        account_id=PydanticObjectId(), access_token="sealed", external_id=CONNECTED
    ).insert()
    return token.account_id


def stripe_event(event_type: str, stripe_object: dict, created: int = 1700000000, **data):
    fields = {"stripe_account_id": CONNECTED, "created": created, "object": stripe_object}
    return {"id": f"evt_{created}", "type": event_type, "data": {**fields, **data}}


async def test_a_charge_event_stores_the_charge_for_the_connecting_account(run, account_id):
    answer = await run(handle, stripe_event("charge.succeeded", CHARGE))

    charge = await BillingCharge.find_one({"stripe_id": CHARGE["id"]})
    assert answer == {"stored": True}
    assert (charge.account_id, charge.amount, charge.currency) == (account_id, 1099, "usd")


async def test_an_older_event_does_not_undo_a_newer_one(run, account_id):
    await run(handle, stripe_event("customer.updated", customer("cus_1", "New"), 1700000100))

    await run(handle, stripe_event("customer.updated", customer("cus_1", "Old"), 1700000000))

    assert (await BillingCustomer.find_one({"stripe_id": "cus_1"})).name == "New"


async def test_a_subscription_event_delivered_after_a_newer_one_does_not_undo_it(run, account_id):
    past_due = {**SUBSCRIPTION, "status": "past_due"}
    await run(handle, stripe_event("customer.subscription.updated", past_due, 1700000100))

    late = await run(
        handle, stripe_event("customer.subscription.updated", SUBSCRIPTION, 1700000000)
    )

    stored = await BillingSubscription.find_one({"stripe_id": SUBSCRIPTION["id"]})
    assert (late, stored.status) == ({"stored": False}, "past_due")


async def test_a_deleted_customer_is_marked_deleted(run, account_id):
    await run(handle, stripe_event("customer.deleted", customer("cus_1")))

    assert (await BillingCustomer.find_one({"stripe_id": "cus_1"})).deleted


async def test_an_event_of_a_stripe_account_nobody_connected_is_skipped(run, account_id):
    answer = await run(handle, stripe_event("charge.succeeded", CHARGE, stripe_account_id="acct_x"))

    assert "skipped" in answer
    assert await BillingCharge.find().count() == 0
