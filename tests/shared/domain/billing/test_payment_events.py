"""The payments' events as the queue manager hands them to billing (Stripe's webhooks and the
test provider's alike): replayed, out of order, from another Stripe account, a payment whose
plan could not be settled left payable for its retry, one that conflicts with another paying
it meanwhile left to the other, and refunds recorded once whichever of
the answer and the event comes first."""

from datetime import timedelta

import pytest

from queue_manager.integrations.stripe import handle
from shared.domain.billing import repository
from shared.domain.billing.charging import charge_invoice
from shared.domain.billing.events import invoice_paid, invoice_refunded
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.billing_invoice import BillingInvoice, InvoiceRefund, InvoiceStatus
from shared.models.billing_plan import BillingPlan, PlanStatus
from tests.billing_factories import create_payer, create_plan
from tests.shared.domain.billing.conftest import RETRY_DAYS, published
from tests.shared.domain.conflicts import write_conflict


async def charged(local, told, card="pm_card_visa") -> BillingInvoice:
    """A sub-account's first invoice charged; the provider's answer not recorded (as if only
    its event is to tell), its event kept in `told`."""
    agency, sub_account, customer = await create_payer(local, card=card)
    plan = await create_plan(local, agency, sub_account, utc_now())
    invoice = await BillingInvoice.find_one({"plan_id": plan.id})
    await local.charge_off_session(
        customer.customer_id,
        customer.default_payment_method,
        invoice.total,
        invoice.currency,
        f"invoice:{invoice.id}:attempt:1",
        "test",
        metadata={"invoice_id": str(invoice.id), "attempt": "1"},
    )
    return invoice


async def test_a_success_event_pays_the_invoice(local, told, outbox):
    invoice = await charged(local, told)

    result = await handle(told[-1])

    assert result["status"] == "paid"
    paid = await BillingInvoice.get(invoice.id)
    assert (paid.status, paid.payment_reference) == (
        InvoiceStatus.PAID,
        told[-1]["data"]["object"]["id"],
    )


async def test_a_replayed_event_changes_nothing_more_and_announces_once(local, told, outbox):
    invoice = await charged(local, told)
    await handle(told[-1])

    await handle(told[-1])

    assert published(outbox) == ["invoice.paid"]
    assert (await BillingInvoice.get(invoice.id)).attempt_count == 0  # no failure counted


async def test_a_payment_whose_plan_could_not_be_settled_is_paid_whole_by_its_retry(
    local, told, outbox, monkeypatch
):
    invoice = await charged(local, told)

    async def database_gone(*args) -> None:
        raise ConnectionError("MongoDB went away")

    with monkeypatch.context() as broken:
        broken.setattr(repository, "extend_active_until", database_gone)
        with pytest.raises(ConnectionError):
            await handle(told[-1])
    left = await BillingInvoice.get(invoice.id)
    await handle(told[-1])

    paid = await BillingInvoice.get(invoice.id)
    sub_account = await Account.get(invoice.customer_account_id)
    assert (left.status, left.paid_at, paid.status) == (
        InvoiceStatus.OPEN,
        None,
        InvoiceStatus.PAID,
    )
    assert sub_account.active_until == invoice.lines[0].period_end
    assert published(outbox) == ["invoice.paid"]


async def test_a_payment_that_conflicts_with_another_paying_meanwhile_is_the_others(
    local, told, outbox, monkeypatch
):
    invoice = await charged(local, told)
    set_invoice_if = repository.set_invoice_if

    async def paid_by_another_meanwhile(*args) -> bool:
        await set_invoice_if(invoice.id, {}, {"$set": {"status": InvoiceStatus.PAID}})
        raise write_conflict()

    monkeypatch.setattr(repository, "set_invoice_if", paid_by_another_meanwhile)
    paid_here = await invoice_paid(invoice, reference="pi_here")

    assert paid_here is False
    assert (await BillingInvoice.get(invoice.id)).payment_reference is None
    assert published(outbox) == []


async def test_a_failure_delivered_after_the_later_success_leaves_the_plan_active(
    local, told, outbox
):
    invoice = await charged(local, told, card="pm_card_chargeDeclined")
    failed_first = told[-1]
    await charge_invoice(local, str(invoice.id), RETRY_DAYS)  # attempt 1 recorded as failed
    card = await local.attach_payment_method(
        failed_first["data"]["object"]["customer"], "pm_card_visa", "attach:visa"
    )
    await local.charge_off_session(
        failed_first["data"]["object"]["customer"],
        card.id,
        invoice.total,
        invoice.currency,
        f"invoice:{invoice.id}:attempt:2",
        "retry",
        metadata={"invoice_id": str(invoice.id), "attempt": "2"},
    )
    await handle(told[-1])  # attempt 2 succeeded

    await handle(failed_first)  # attempt 1's failure, delivered late

    invoice = await BillingInvoice.get(invoice.id)
    assert (invoice.status, invoice.attempt_count) == (InvoiceStatus.PAID, 1)
    assert (await BillingPlan.get(invoice.plan_id)).status is PlanStatus.ACTIVE


async def test_an_event_from_another_stripe_account_is_not_believed(local, told, outbox):
    invoice = await charged(local, told)
    event = told[-1]
    event["data"]["stripe_account_id"] = "acct_someone_else"

    result = await handle(event)

    assert "skipped" in result
    assert (await BillingInvoice.get(invoice.id)).status is InvoiceStatus.OPEN


async def test_a_payment_of_another_amount_naming_the_invoice_is_not_believed(local, told, outbox):
    invoice = await charged(local, told)
    event = told[-1]
    event["data"]["object"]["amount"] = 1

    await handle(event)

    assert (await BillingInvoice.get(invoice.id)).status is InvoiceStatus.OPEN


async def test_a_refund_is_recorded_once_whether_its_answer_or_its_event_comes_first(
    local, told, outbox
):
    invoice = await charged(local, told)
    await handle(told[-1])
    invoice = await BillingInvoice.get(invoice.id)
    refund = await local.refund(invoice.payment_reference, 1000, "refund:1")
    answered = InvoiceRefund(reference=refund.reference, amount=1000, refunded_at=utc_now())
    await invoice_refunded(invoice, answered)

    await handle(told[-1])  # refund.created

    invoice = await BillingInvoice.get(invoice.id)
    assert (invoice.amount_refunded, len(invoice.refunds)) == (1000, 1)
    assert published(outbox) == ["invoice.paid", "invoice.refunded"]


async def test_a_refund_past_what_was_paid_is_not_recorded(local, told, outbox):
    invoice = await charged(local, told)
    await handle(told[-1])
    invoice = await BillingInvoice.get(invoice.id)
    too_much = InvoiceRefund(
        reference="re_1", amount=invoice.total + 1, refunded_at=utc_now() - timedelta(seconds=1)
    )

    assert await invoice_refunded(invoice, too_much) is False
    assert (await BillingInvoice.get(invoice.id)).amount_refunded == 0


async def test_a_paid_and_refunded_invoice_queues_its_affiliate_commission_and_reversal(
    local, told, outbox
):
    invoice = await charged(local, told)
    await handle(told[-1])
    invoice = await BillingInvoice.get(invoice.id)
    refund = InvoiceRefund(reference="re_1", amount=500, refunded_at=utc_now())

    await invoice_refunded(invoice, refund)

    jobs = {job.name: job.kwargs for job in outbox.jobs if job.name.startswith("affiliates.")}
    paid, refunded = jobs["affiliates.invoice_paid"], jobs["affiliates.invoice_refunded"]
    assert (paid["invoice_id"], paid["account_id"], paid["amount"], paid["currency"]) == (
        str(invoice.id),
        str(invoice.customer_account_id),
        invoice.total,
        invoice.currency,
    )
    assert (refunded["refund_id"], refunded["amount"], refunded["account_id"]) == (
        "re_1",
        500,
        str(invoice.customer_account_id),
    )
    assert paid["event_id"] != refunded["event_id"]
