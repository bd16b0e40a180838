"""The one place an invoice becomes paid or refunded, and the one place that says so: the
payments' events (Stripe's webhooks, the test provider's), the charge task reading a
provider's answer and an invoice of nothing all come here. Each transition is one conditional
write, so whichever of them comes first makes it and the others find it made (an event
replayed, a task run twice, a webhook and an answer racing): the webhook event
(`invoice.paid`, `invoice.refunded`) is published once, by the call that made it.

What hangs on a payment hangs here (affiliates' commissions, too): the plan it pays for is in
good standing again, the sub-account is paid up to the period's end (so the lifecycle's
active-account check does not suspend it), and the payer is recorded as a contact of the
agency (QM_BILLING_CONTACTS)."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.domain.billing import repository
from shared.models.base import utc_now
from shared.models.billing_invoice import BillingInvoice, InvoiceRefund, InvoiceStatus, Seller
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities import db
from shared.utilities.events import publish_event
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import (
    AFFILIATES_INVOICE_PAID,
    AFFILIATES_INVOICE_REFUNDED,
    BILLING_CONTACTS_RECORD,
)

# What a late payment still settles: an invoice whose retries were used up is paid all the same.
PAYABLE = [InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE]


def invoice_data(invoice: BillingInvoice) -> dict[str, Any]:
    return {
        "id": str(invoice.id),
        "number": invoice.number,
        "customer_account_id": str(invoice.customer_account_id),
        "plan_id": str(invoice.plan_id) if invoice.plan_id else None,
        "currency": invoice.currency,
        "total": invoice.total,
        "amount_refunded": invoice.amount_refunded,
        "status": invoice.status.value,
        "paid_at": invoice.paid_at.isoformat() if invoice.paid_at else None,
    }


async def invoice_paid(
    invoice: BillingInvoice, *, reference: str | None = None, at: datetime | None = None
) -> bool:
    """The invoice paid (by the provider's payment `reference`); True when this call made it
    so. `invoice` is updated in place."""
    assert invoice.id is not None, "a stored invoice"
    paid_at = at or utc_now()
    changes = {
        "status": InvoiceStatus.PAID,
        "paid_at": paid_at,
        "payment_reference": reference,
        "next_attempt_at": None,
    }
    before = {name: getattr(invoice, name) for name in changes}

    async def undo() -> None:
        # Without a transaction (the in-memory database): the invoice payable again, so the
        # event's or the task's retry pays it and settles its plan whole.
        assert invoice.id is not None
        paid_now = {"status": InvoiceStatus.PAID, "paid_at": paid_at}
        await repository.set_invoice_if(invoice.id, paid_now, {"$set": dict(before)})

    # The invoice paid and its plan settled together: a paid invoice whose sub-account stayed
    # suspended would never be settled, as its event's retry finds it paid.
    try:
        async with db.transaction(undo=undo):
            if not await repository.set_invoice_if(
                invoice.id, {"status": {"$in": PAYABLE}}, {"$set": dict(changes)}
            ):
                return False
            await settle_plan(invoice)
    except Exception as error:
        if db.conflicted(error) and await paid_already(invoice.id):
            return False  # another call (the webhook, the answer) paid it meanwhile
        raise
    for name, value in changes.items():
        setattr(invoice, name, value)
    event_id = publish_event(
        invoice.account_id, WebhookEventType.INVOICE_PAID, {"invoice": invoice_data(invoice)}
    )
    enqueue_job(
        AFFILIATES_INVOICE_PAID,
        task_id=f"affiliates:{event_id}",
        event_id=event_id,
        invoice_id=str(invoice.id),
        account_id=str(invoice.customer_account_id),
        amount=invoice.total,
        currency=invoice.currency,
        paid_at=paid_at.isoformat(),
    )
    if invoice.seller is Seller.AGENCY:
        enqueue_job(
            BILLING_CONTACTS_RECORD,
            task_id=f"billing-contact:{invoice.id}",
            invoice_id=str(invoice.id),
        )
    return True


async def paid_already(invoice_id: PydanticObjectId) -> bool:
    stored = await repository.invoice(invoice_id)
    return stored is not None and stored.status is InvoiceStatus.PAID


async def settle_plan(invoice: BillingInvoice) -> None:
    """The plan back in good standing, and its sub-account paid up to the end of what the
    invoice paid for."""
    if invoice.plan_id is None:
        return
    await repository.mark_plan_paid(invoice.plan_id)
    ends = [line.period_end for line in invoice.lines if line.period_end is not None]
    if ends:
        await repository.extend_active_until(invoice.customer_account_id, max(ends))


async def invoice_refunded(invoice: BillingInvoice, refund: InvoiceRefund) -> bool:
    """The refund recorded on the paid invoice, once per refund reference and never past what
    was paid; True when this call recorded it. `invoice` is updated in place."""
    assert invoice.id is not None, "a stored invoice"
    expected = {
        "status": InvoiceStatus.PAID,
        "refunds.reference": {"$ne": refund.reference},
        "amount_refunded": {"$lte": invoice.total - refund.amount},
    }
    update = {"$push": {"refunds": refund.model_dump()}, "$inc": {"amount_refunded": refund.amount}}
    if not await repository.set_invoice_if(invoice.id, expected, update):
        return False
    invoice.refunds.append(refund)
    invoice.amount_refunded += refund.amount
    data = {
        "invoice": invoice_data(invoice),
        "refund": {"reference": refund.reference, "amount": refund.amount, "reason": refund.reason},
    }
    event_id = publish_event(invoice.account_id, WebhookEventType.INVOICE_REFUNDED, data)
    enqueue_job(
        AFFILIATES_INVOICE_REFUNDED,
        task_id=f"affiliates:{event_id}",
        event_id=event_id,
        invoice_id=str(invoice.id),
        account_id=str(invoice.customer_account_id),
        refund_id=refund.reference,
        amount=refund.amount,
        currency=invoice.currency,
        refunded_at=refund.refunded_at.isoformat(),
    )
    return True
