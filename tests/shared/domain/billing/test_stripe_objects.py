"""Stripe objects copied into the billing collections: one copy per object, newest view wins."""

from datetime import timedelta

from beanie import PydanticObjectId

from shared.domain.billing.stripe_objects import store_stripe_object
from shared.models.base import utc_now
from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_subscription import BillingSubscription
from tests.external_api.fakes.stripe import CHARGE, SUBSCRIPTION, customer

# Stripe's documented example objects, as the Stripe fake answers them.
CUSTOMER = customer("cus_NffrFeUfNV2Hib")


async def test_a_customer_is_stored_with_its_fields(mongo):
    account_id = PydanticObjectId()

    stored = await store_stripe_object(account_id, "acct_1", CUSTOMER, utc_now())

    customer = await BillingCustomer.find_one({"account_id": account_id})
    assert stored
    assert (customer.stripe_id, customer.email, customer.name, customer.stripe_account_id) == (
        "cus_NffrFeUfNV2Hib",
        "jennyrosen@example.com",
        "Jenny Rosen",
        "acct_1",
    )
    assert customer.stripe_created_at.timestamp() == 1680893993


async def test_a_subscription_keeps_its_items_prices_in_minor_units(mongo):
    account_id = PydanticObjectId()

    await store_stripe_object(account_id, "acct_1", SUBSCRIPTION, utc_now())

    subscription = await BillingSubscription.find_one({"account_id": account_id})
    assert subscription.status == "active"
    assert subscription.customer_stripe_id == SUBSCRIPTION["customer"]
    item = subscription.items[0]
    assert (item.price_id, item.unit_amount, item.currency, item.interval) == (
        "price_1MowQULkdIwHu7ixraBm864M",
        1000,
        "usd",
        "month",
    )
    assert subscription.current_period_end.timestamp() == 1682288167


async def test_a_charge_keeps_its_amount_and_currency(mongo):
    account_id = PydanticObjectId()

    await store_stripe_object(account_id, "acct_1", CHARGE, utc_now())

    charge = await BillingCharge.find_one({"account_id": account_id})
    assert (charge.amount, charge.currency, charge.status, charge.paid) == (
        1099,
        "usd",
        "succeeded",
        True,
    )


async def test_storing_an_object_again_keeps_one_copy_with_the_newer_fields(mongo):
    account_id = PydanticObjectId()
    now = utc_now()
    await store_stripe_object(account_id, "acct_1", CUSTOMER, now)

    renamed = {**CUSTOMER, "name": "Jenny Rosen-Smith"}
    await store_stripe_object(account_id, "acct_1", renamed, now + timedelta(seconds=1))

    customers = await BillingCustomer.find({"account_id": account_id}).to_list()
    assert [customer.name for customer in customers] == ["Jenny Rosen-Smith"]


async def test_an_older_view_does_not_overwrite_a_newer_one(mongo):
    account_id = PydanticObjectId()
    now = utc_now()
    await store_stripe_object(account_id, "acct_1", {**CUSTOMER, "name": "New"}, now)

    stored = await store_stripe_object(
        account_id, "acct_1", {**CUSTOMER, "name": "Old"}, now - timedelta(seconds=5)
    )

    customer = await BillingCustomer.find_one({"account_id": account_id})
    assert not stored
    assert customer.name == "New"


async def test_the_same_object_in_two_accounts_is_two_copies(mongo):
    first, second = PydanticObjectId(), PydanticObjectId()

    await store_stripe_object(first, "acct_1", CHARGE, utc_now())
    await store_stripe_object(second, "acct_2", CHARGE, utc_now())

    assert await BillingCharge.find({"stripe_id": CHARGE["id"]}).count() == 2


async def test_a_deleted_customer_is_marked_deleted(mongo):
    account_id = PydanticObjectId()

    await store_stripe_object(account_id, "acct_1", CUSTOMER, utc_now(), deleted=True)

    customer = await BillingCustomer.find_one({"account_id": account_id})
    assert customer.deleted


async def test_other_kinds_of_objects_are_not_kept(mongo):
    stored = await store_stripe_object(
        PydanticObjectId(), "acct_1", {"id": "pi_1", "object": "payment_intent"}, utc_now()
    )

    assert not stored
