"""A plan's change and its invoice together or not at all: on the in-memory database (no
transactions) a change whose invoice could not be stored is put back as it was read, so the
next try (the cron's next run, the agency's retry) makes it whole; a change that lost to
another is not put back over the other's; a write conflict of two transactions is the loser's
PlanChanged, and a cron run that meets one leaves the period to the other run."""

from datetime import UTC, datetime

import pytest

from shared.domain.billing import repository, subscriptions
from shared.domain.billing.atomic import plan_change
from shared.domain.billing.errors import PlanChanged
from shared.domain.billing.subscriptions import Terms, subscribe
from shared.models.account import Account
from shared.models.billing_invoice import BillingInvoice
from shared.models.billing_plan import BillingPlan
from tests.billing_factories import create_payer, create_plan, create_price
from tests.shared.domain.conflicts import write_conflict

START = datetime(2026, 3, 1, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, tzinfo=UTC)


async def database_gone(*args) -> None:
    raise ConnectionError("MongoDB went away")


async def invoices_of(plan) -> list[BillingInvoice]:
    return await BillingInvoice.find({"plan_id": plan.id}).sort("created_at").to_list()


async def test_a_period_whose_invoice_failed_is_started_again_by_the_next_run(
    local, outbox, monkeypatch
):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)

    with monkeypatch.context() as broken:
        broken.setattr(repository, "insert_invoice", database_gone)
        with pytest.raises(ConnectionError):
            await subscriptions.start_due_periods(APRIL, 100)
    left = await BillingPlan.get(plan.id)
    started = await subscriptions.start_due_periods(APRIL, 100)

    assert (left.current_period_start, len(await invoices_of(plan))) == (START, 2)
    assert started == 1
    assert (await BillingPlan.get(plan.id)).current_period_start == APRIL


async def test_a_change_of_price_whose_invoice_failed_leaves_the_plan_on_its_price(
    local, outbox, monkeypatch
):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    dearer = await create_price(agency, unit_amount=6000)
    price_id = plan.price_id

    with monkeypatch.context() as broken:
        broken.setattr(repository, "insert_invoice", database_gone)
        with pytest.raises(ConnectionError):
            await subscriptions.change_price(plan, dearer, 1, datetime(2026, 3, 16, tzinfo=UTC))

    stored = await BillingPlan.get(plan.id)
    assert (stored.price_id, stored.monthly_amount) == (price_id, 3000)
    assert len(await invoices_of(stored)) == 1


async def test_a_subscription_whose_first_invoice_failed_is_not_stored(local, outbox, monkeypatch):
    agency, sub_account, _ = await create_payer(local)
    terms = Terms(await create_price(agency))

    with monkeypatch.context() as broken:
        broken.setattr(repository, "insert_invoice", database_gone)
        with pytest.raises(ConnectionError):
            await subscribe(agency, sub_account, terms, local.name, None, START)
    plans_left = await BillingPlan.find({"customer_account_id": sub_account.id}).count()
    plan = await subscribe(agency, sub_account, terms, local.name, None, START)

    assert plans_left == 0
    assert (await Account.get(sub_account.id)).active_until == START
    assert len(await invoices_of(plan)) == 1


async def test_a_change_that_lost_to_another_does_not_put_the_plan_back_over_it(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)
    stale = await BillingPlan.get(plan.id)
    await subscriptions.pause(plan, START)

    with pytest.raises(PlanChanged):
        async with plan_change(stale):
            stale.quantity = 5
            if not await repository.replace_plan(stale, stale.version):
                raise PlanChanged()

    stored = await BillingPlan.get(plan.id)
    assert (stored.status, stored.quantity) == ("paused", 1)


async def test_a_change_that_conflicts_with_another_in_a_transaction_is_plan_changed(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)

    with pytest.raises(PlanChanged):
        async with plan_change(plan):
            raise write_conflict()

    assert (await BillingPlan.get(plan.id)).version == plan.version


async def test_a_period_another_run_is_starting_meanwhile_is_left_to_it(local, outbox, monkeypatch):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, START)

    async def conflicting(*args) -> bool:
        raise write_conflict()

    monkeypatch.setattr(repository, "replace_plan", conflicting)
    started = await subscriptions.start_due_periods(APRIL, 100)

    assert started == 0
    assert (await BillingPlan.get(plan.id)).current_period_start == START
