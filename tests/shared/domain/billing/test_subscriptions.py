"""A sub-account's plan: trials, the first period invoiced and charged at once, proration on a
change of price, cancellation at the period's end or at once, pause and resume, and the crons
starting periods and ending plans."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain.billing import subscriptions
from shared.domain.billing.errors import AlreadySubscribed, PriceMismatch
from shared.models.account import Account
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus
from shared.models.billing_plan import BillingPlan, PlanStatus
from shared.models.billing_price import Interval
from tests.billing_factories import create_coupon, create_payer, create_plan, create_price
from tests.shared.domain.billing.conftest import queued

START = datetime(2026, 3, 1, tzinfo=UTC)
CHARGE = "subscription_pending_subaccount_charge.charge_invoice"


async def invoices_of(plan) -> list[BillingInvoice]:
    return await BillingInvoice.find({"plan_id": plan.id}).sort("created_at").to_list()


async def test_a_plan_without_trial_invoices_its_first_period_and_queues_the_charge(local, outbox):
    agency, sub_account, _ = await create_payer(local)

    plan = await create_plan(local, agency, sub_account, START)

    [invoice] = await invoices_of(plan)
    assert (invoice.total, invoice.currency, invoice.status) == (3000, "USD", InvoiceStatus.OPEN)
    assert invoice.lines[0].period_end == datetime(2026, 4, 1, tzinfo=UTC)
    assert queued(outbox, CHARGE) == [f"invoice:{invoice.id}:attempt:1"]
    assert (await Account.get(sub_account.id)).active_until == START


async def test_a_trial_invoices_nothing_until_the_activate_cron_at_its_end(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    price = await create_price(agency, trial_days=14)
    plan = await create_plan(local, agency, sub_account, START, price=price)

    assert (plan.status, await invoices_of(plan)) == (PlanStatus.TRIALING, [])
    started = await subscriptions.start_due_periods(START + timedelta(days=14), 100)

    plan = await BillingPlan.get(plan.id)
    [invoice] = await invoices_of(plan)
    assert (started, plan.status) == (1, PlanStatus.ACTIVE)
    assert plan.current_period_start == START + timedelta(days=14)
    assert invoice.total == 3000


async def test_the_activate_cron_run_twice_starts_a_period_once(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)

    first = await subscriptions.start_due_periods(datetime(2026, 4, 1, tzinfo=UTC), 100)
    again = await subscriptions.start_due_periods(datetime(2026, 4, 1, tzinfo=UTC), 100)

    assert (first, again) == (1, 0)
    assert len(await invoices_of(plan)) == 2


async def test_a_second_plan_for_a_sub_account_is_refused(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    await create_plan(local, agency, sub_account, START)

    with pytest.raises(AlreadySubscribed):
        await create_plan(local, agency, sub_account, START)

    assert await BillingPlan.find({"customer_account_id": sub_account.id}).count() == 1


async def test_an_upgrade_half_way_invoices_the_prorated_difference(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    dearer = await create_price(agency, unit_amount=6000)
    half_way = datetime(2026, 3, 16, 12, tzinfo=UTC)  # 15.5 of March's 31 days

    invoice = await subscriptions.change_price(plan, dearer, 1, half_way)

    assert [line.amount for line in invoice.lines] == [-1500, 3000]
    assert invoice.total == 1500
    assert (await BillingPlan.get(plan.id)).monthly_amount == 6000


async def test_a_downgrade_leaves_a_credit_the_next_invoice_takes_off(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    cheaper = await create_price(agency, unit_amount=1000)
    half_way = datetime(2026, 3, 16, 12, tzinfo=UTC)

    assert await subscriptions.change_price(plan, cheaper, 1, half_way) is None
    await subscriptions.start_due_periods(datetime(2026, 4, 1, tzinfo=UTC), 100)

    renewal = (await invoices_of(plan))[-1]
    assert [line.amount for line in renewal.lines] == [1000, -1000]  # 1000 credit of 1000 due
    assert renewal.status is InvoiceStatus.PAID  # nothing left to charge
    assert (await BillingPlan.get(plan.id)).credit == 0


async def test_a_change_to_another_interval_is_refused(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    yearly = await create_price(agency, interval=Interval.YEAR, unit_amount=30000)

    with pytest.raises(PriceMismatch):
        await subscriptions.change_price(plan, yearly, 1, START + timedelta(days=3))

    assert (await BillingPlan.get(plan.id)).price_id == plan.price_id


async def test_a_coupon_for_once_discounts_the_first_invoice_only(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    coupon = await create_coupon(agency)
    plan = await create_plan(local, agency, sub_account, START, coupon=coupon)

    await subscriptions.start_due_periods(datetime(2026, 4, 1, tzinfo=UTC), 100)

    assert [invoice.total for invoice in await invoices_of(plan)] == [1500, 3000]


async def test_a_plan_cancelled_at_period_end_is_not_renewed_and_ends_then(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    await subscriptions.cancel(plan, at_period_end=True, now=START + timedelta(days=3))
    end = datetime(2026, 4, 1, tzinfo=UTC)

    started = await subscriptions.start_due_periods(end, 100)
    ended = await subscriptions.cancel_ended(end, 100)

    plan = await BillingPlan.get(plan.id)
    assert (started, ended, plan.status, plan.canceled_at) == (0, 1, PlanStatus.CANCELED, end)
    assert len(await invoices_of(plan)) == 1


async def test_a_plan_cancelled_at_once_voids_its_open_invoice_and_ends_access_now(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    now = START + timedelta(days=3)

    await subscriptions.cancel(plan, at_period_end=False, now=now)

    [invoice] = await invoices_of(plan)
    assert invoice.status is InvoiceStatus.VOID
    assert (await Account.get(sub_account.id)).active_until == now


async def test_a_paused_plan_is_not_renewed_and_resuming_invoices_a_new_period(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    await subscriptions.pause(plan, START + timedelta(days=3))

    assert await subscriptions.start_due_periods(datetime(2026, 5, 1, tzinfo=UTC), 100) == 0
    assert (await Account.get(sub_account.id)).active_until is None
    resumed = await subscriptions.resume(
        await BillingPlan.get(plan.id), datetime(2026, 5, 10, tzinfo=UTC)
    )

    assert resumed.current_period_end == datetime(2026, 6, 10, tzinfo=UTC)
    assert len(await invoices_of(plan)) == 2


async def test_of_two_plans_subscribed_at_once_for_one_sub_account_one_is_stored(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    price = await create_price(agency)

    outcomes = await asyncio.gather(
        create_plan(local, agency, sub_account, START, price=price),
        create_plan(local, agency, sub_account, START, price=price),
        return_exceptions=True,
    )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "AlreadySubscribed",
        "BillingPlan",
    ]
    assert await BillingPlan.find({"customer_account_id": sub_account.id}).count() == 1
