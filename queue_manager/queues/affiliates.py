"""Queue `affiliates` (QM_AFFILIATES): a referred account's paid invoice accrues its
affiliate's commission and its refund reverses it (`shared.domain.affiliates.commissions`,
enqueued by billing's invoice_paid / invoice_refunded, once per event id); the cron batches
each programme's balances over its minimum into payouts and pays the Tipalti ones."""

from datetime import datetime

from beanie import PydanticObjectId

from queue_manager.affiliates import tipalti
from queue_manager.celery import app
from queue_manager.siblings import SiblingBusy
from shared.domain.affiliates.commissions import (
    PaidInvoice,
    RefundedInvoice,
    accrue_for_invoice,
    reverse_for_refund,
)
from shared.domain.affiliates.payouts import batch_programme
from shared.domain.affiliates.repository import active_programmes
from shared.utilities.task_names import (
    AFFILIATES_INVOICE_PAID,
    AFFILIATES_INVOICE_REFUNDED,
    AFFILIATES_SWEEP,
)
from shared.utilities.worker import platform_task


def entry_answer(entry) -> dict:
    return (
        {"entry_id": str(entry.id), "amount": entry.amount}
        if entry
        else {"skipped": "no commission"}
    )


async def accrue(
    event_id: str, invoice_id: str, account_id: str, amount: int, currency: str, paid_at: str
) -> dict:
    paid = datetime.fromisoformat(paid_at)
    invoice = PaidInvoice(
        event_id, invoice_id, PydanticObjectId(account_id), amount, currency, paid
    )
    return entry_answer(await accrue_for_invoice(invoice))


async def reverse(
    event_id: str,
    invoice_id: str,
    account_id: str,
    refund_id: str,
    amount: int,
    currency: str,
    refunded_at: str,
) -> dict:
    refunded = datetime.fromisoformat(refunded_at)
    refund = RefundedInvoice(
        event_id, invoice_id, PydanticObjectId(account_id), refund_id, amount, currency, refunded
    )
    return entry_answer(await reverse_for_refund(refund))


# The tasks take the declared arguments (`PaidInvoiceArguments`, `RefundedInvoiceArguments`).
invoice_paid = platform_task(app, AFFILIATES_INVOICE_PAID)(accrue)
invoice_refunded = platform_task(app, AFFILIATES_INVOICE_REFUNDED)(reverse)


@platform_task(app, AFFILIATES_SWEEP, retry_on=(SiblingBusy,))
async def sweep() -> dict:
    batched = 0
    for programme in await active_programmes():
        batched += len(await batch_programme(programme))
    return {
        "batched": batched,
        "submitted": await tipalti.submit_pending(),
        "settled": await tipalti.read_submitted(),
    }
