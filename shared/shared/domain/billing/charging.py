"""An invoice's payment attempts and the dunning that follows a failed one.

An attempt is numbered by the attempts made before it, and charged with the idempotency key
`invoice:<id>:attempt:<n>`, which is also its task's id: a task run twice, or run again after
its worker died between the charge and recording it, asks the provider with the same key and
is answered with the same payment; it charges once. The outcome is recorded by whichever
comes first, the provider's answer or its event (Stripe's webhook, the test provider's), each
as one conditional write over the attempts counted so far, so a late or repeated event of an
attempt already recorded changes nothing, and nothing after the invoice is paid.

Dunning: a failed attempt puts the plan past due and the next attempt due after the
schedule's next wait (BILLING_RETRY_DAYS); once they are used up the invoice is uncollectible
and the plan unpaid. The sub-account stays paid up to the end of the last period it paid for
(`active_until`), and the lifecycle's active-account check (QM_CHECK_ACCOUNT_ACTIVE) suspends
it once that is more than its grace period ago."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.billing import repository
from shared.domain.billing.events import invoice_paid
from shared.domain.payments import repository as payments_repository
from shared.domain.payments.provider import PaymentProvider
from shared.models.base import utc_now
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus, Seller
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import (
    SUBSCRIPTION_CHARGE_MAINACCOUNT_INVOICE,
    SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_INVOICE,
)

NO_CARD = "no_payment_method"
# Each seller's invoices are charged on their own queue.
CHARGE_TASKS = {
    Seller.AGENCY: SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE_INVOICE,
    Seller.PLATFORM: SUBSCRIPTION_CHARGE_MAINACCOUNT_INVOICE,
}


@dataclass(frozen=True)
class Outcome:
    attempt: int
    succeeded: bool
    reference: str
    failure_code: str | None = None
    failure_message: str | None = None


def attempt_key(invoice: BillingInvoice, attempt: int) -> str:
    return f"invoice:{invoice.id}:attempt:{attempt}"


def queue_next_attempt(invoice: BillingInvoice) -> None:
    """The invoice's next attempt queued, under its own key as task id."""
    enqueue_job(
        CHARGE_TASKS[invoice.seller],
        task_id=attempt_key(invoice, invoice.attempt_count + 1),
        invoice_id=str(invoice.id),
    )


async def charge_invoice(
    provider: PaymentProvider, invoice_id: str, retry_days: Sequence[int]
) -> str:
    """One attempt at the invoice, if it is open: its outcome (`succeeded`, `failed`), or
    `settled` for an invoice with nothing left to attempt."""
    invoice = await repository.invoice(PydanticObjectId(invoice_id))
    if invoice is None or invoice.status is not InvoiceStatus.OPEN:
        return "settled"
    attempt = invoice.attempt_count + 1
    payer = await payments_repository.payment_customer(
        invoice.customer_account_id, provider.name, invoice.connected_account or ""
    )
    if payer is None or payer.default_payment_method is None:
        outcome = Outcome(attempt, False, "", NO_CARD, "No card is saved for the account.")
    else:
        result = await provider.charge_off_session(
            payer.customer_id,
            payer.default_payment_method,
            invoice.total,
            invoice.currency,
            attempt_key(invoice, attempt),
            f"Invoice {invoice.number}",
            connected_account=invoice.connected_account,
            metadata={"invoice_id": str(invoice.id), "attempt": str(attempt)},
        )
        outcome = Outcome(
            attempt, result.succeeded, result.reference, result.failure_code, result.failure_message
        )
    await record_outcome(invoice, outcome, retry_days)
    return "succeeded" if outcome.succeeded else "failed"


async def record_outcome(
    invoice: BillingInvoice,
    outcome: Outcome,
    retry_days: Sequence[int],
    at: datetime | None = None,
) -> None:
    """The attempt's outcome, from the provider's answer or its event, whichever comes first."""
    assert invoice.id is not None, "a stored invoice"
    at = at or utc_now()
    await repository.record_attempt(
        BillingPaymentAttempt(
            account_id=invoice.account_id,
            invoice_id=invoice.id,
            attempt=outcome.attempt,
            amount=invoice.total,
            currency=invoice.currency,
            succeeded=outcome.succeeded,
            reference=outcome.reference,
            failure_code=outcome.failure_code,
            attempted_at=at,
        )
    )
    if outcome.succeeded:
        await invoice_paid(invoice, reference=outcome.reference, at=at)
    else:
        await attempt_failed(invoice, outcome, retry_days, at)


async def attempt_failed(
    invoice: BillingInvoice, outcome: Outcome, retry_days: Sequence[int], at: datetime
) -> bool:
    """The failure counted once, the next attempt scheduled (or the invoice uncollectible) and
    the plan past due (or unpaid); False when this attempt was counted already."""
    assert invoice.id is not None, "a stored invoice"
    exhausted = outcome.attempt > len(retry_days)
    changes = {
        "attempt_count": outcome.attempt,
        "last_failure_code": outcome.failure_code,
        "last_failure_message": outcome.failure_message,
        "status": InvoiceStatus.UNCOLLECTIBLE if exhausted else InvoiceStatus.OPEN,
        "next_attempt_at": None
        if exhausted
        else at + timedelta(days=retry_days[outcome.attempt - 1]),
    }
    expected = {"status": InvoiceStatus.OPEN, "attempt_count": outcome.attempt - 1}
    if not await repository.set_invoice_if(invoice.id, expected, {"$set": changes}):
        return False
    for name, value in changes.items():
        setattr(invoice, name, value)
    if invoice.plan_id is not None:
        await repository.mark_plan_failing(invoice.plan_id, at, unpaid=exhausted)
    return True


async def queue_due_charges(seller: Seller, now: datetime, batch: int) -> int:
    """Every open invoice whose next attempt has come, queued (a task already queued for the
    same attempt is the same task id: it runs once); returns how many."""
    queued = 0
    due = await repository.invoices_due(seller, now, batch)
    for invoice in due:
        queue_next_attempt(invoice)
        queued += 1
    return queued
