"""A change of price under a coupon: its prorations are net of the discount in effect, as a
Stripe subscription's are (a percentage or an amount off the period's amount, then prorated);
a coupon for once, spent on the period's invoice, and a repeating one past its months discount
no proration; the same through the test provider and through Stripe on the agency's account."""

from datetime import UTC, datetime

import httpx

from shared.domain.billing import subscriptions
from shared.domain.billing.charging import charge_invoice
from shared.domain.payments.stripe import StripePaymentProvider
from shared.models.billing_coupon import CouponDuration
from shared.models.billing_plan import BillingPlan
from shared.models.payment_customer import PaymentCustomer
from tests.billing_factories import create_coupon, create_payer, create_plan, create_price
from tests.external_api.fakes import FakeProviders, form_of, json_answer
from tests.external_api.fakes.stripe_payments import (
    CONNECTED,
    CUSTOMER_ID,
    PAYMENT_INTENTS_URL,
    PAYMENT_METHOD_ID,
    SECRET_KEY,
    payment_intent,
)
from tests.factories import create_account, create_sub_account
from tests.shared.domain.billing.conftest import RETRY_DAYS

START = datetime(2026, 3, 1, tzinfo=UTC)
HALF_WAY = datetime(2026, 3, 16, 12, tzinfo=UTC)  # 15.5 of March's 31 days
FOREVER = {"duration": CouponDuration.FOREVER}


async def upgrade_half_way(local, **coupon):
    """A 30.00 plan under the coupon, moved to 60.00 half-way through March."""
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(
        local, agency, sub_account, START, coupon=await create_coupon(agency, **coupon)
    )
    dearer = await create_price(agency, unit_amount=6000)
    return await subscriptions.change_price(plan, dearer, 1, HALF_WAY)


async def test_a_percentage_coupon_discounts_both_prorations(local, outbox):
    invoice = await upgrade_half_way(local, **FOREVER)  # 50 % off

    assert [line.amount for line in invoice.lines] == [-750, 1500]
    assert (invoice.subtotal, invoice.discount, invoice.total) == (750, 0, 750)
    assert invoice.lines[1].description == "Remaining time on the new price (after Launch)"


async def test_an_amount_off_coupon_is_taken_off_each_period_amount_before_prorating(local, outbox):
    amount_off = {"percent_off_basis_points": None, "amount_off": 1000, "currency": "USD"}

    invoice = await upgrade_half_way(local, **FOREVER, **amount_off)

    assert [line.amount for line in invoice.lines] == [-1000, 2500]  # (3000-1000)/2, (6000-1000)/2
    assert invoice.total == 1500


async def test_a_coupon_for_once_spent_on_the_first_invoice_discounts_no_proration(local, outbox):
    invoice = await upgrade_half_way(local, duration=CouponDuration.ONCE)

    assert [line.amount for line in invoice.lines] == [-1500, 3000]
    assert invoice.total == 1500


async def test_a_repeating_coupon_past_its_months_discounts_no_proration(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    coupon = await create_coupon(agency, duration=CouponDuration.REPEATING, duration_in_months=1)
    plan = await create_plan(local, agency, sub_account, START, coupon=coupon)
    await subscriptions.start_due_periods(datetime(2026, 4, 1, tzinfo=UTC), 100)
    dearer = await create_price(agency, unit_amount=6000)
    plan = await BillingPlan.get(plan.id)

    invoice = await subscriptions.change_price(plan, dearer, 1, datetime(2026, 4, 16, tzinfo=UTC))

    assert [line.amount for line in invoice.lines] == [-1500, 3000]  # April: 15 of 30 days left


async def test_a_downgrade_under_a_coupon_keeps_the_discounted_difference_as_credit(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    coupon = await create_coupon(agency, **FOREVER)
    plan = await create_plan(local, agency, sub_account, START, coupon=coupon)
    cheaper = await create_price(agency, unit_amount=1000)

    assert await subscriptions.change_price(plan, cheaper, 1, HALF_WAY) is None

    assert (await BillingPlan.get(plan.id)).credit == 500  # 750 unused - 250 remaining


async def test_a_discounted_proration_is_charged_through_stripe_on_the_agencys_account(outbox):
    agency = await create_account()
    sub_account = await create_sub_account(agency)
    await PaymentCustomer(
        account_id=sub_account.id,
        provider="stripe",
        connected_account=CONNECTED,
        customer_id=CUSTOMER_ID,
        default_payment_method=PAYMENT_METHOD_ID,
    ).insert()
    terms = subscriptions.Terms(
        await create_price(agency), coupon=await create_coupon(agency, **FOREVER)
    )
    plan = await subscriptions.subscribe(agency, sub_account, terms, "stripe", CONNECTED, START)
    invoice = await subscriptions.change_price(
        plan, await create_price(agency, unit_amount=6000), 1, HALF_WAY
    )
    fake = FakeProviders()
    fake.on("POST", PAYMENT_INTENTS_URL, json_answer(payment_intent(amount=750)))

    async with httpx.AsyncClient(transport=fake.transport()) as http:
        await charge_invoice(StripePaymentProvider(http, SECRET_KEY), str(invoice.id), RETRY_DAYS)

    [sent] = fake.sent("POST", PAYMENT_INTENTS_URL)
    assert sent.headers["stripe-account"] == CONNECTED
    assert sent.headers["idempotency-key"] == f"invoice:{invoice.id}:attempt:1"
    assert (form_of(sent)["amount"], form_of(sent)["currency"]) == ("750", "usd")
