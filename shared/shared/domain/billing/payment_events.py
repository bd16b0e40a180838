"""Billing's part of the payments' events (Stripe's webhooks, handed on by the queue manager;
the test provider's, told the same way): a PaymentIntent that paid or failed an invoice's
attempt, and a refund of an invoice's payment. An event is believed only for an invoice of
the Stripe account it came from, and for the invoice's own amount and currency (an agency
cannot settle another's invoice by naming it in its payments' metadata); its effect is the same
one write the provider's answer makes, so a replay or an out-of-order delivery (a failure of an
attempt after its success, a failure of an invoice since paid) changes nothing."""

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from beanie import PydanticObjectId
from bson.errors import InvalidId

from shared.domain.billing import repository
from shared.domain.billing.charging import Outcome, record_outcome
from shared.domain.billing.events import invoice_refunded
from shared.models.billing_invoice import BillingInvoice, InvoiceRefund

Handler = Callable[[dict[str, Any], Sequence[int]], Awaitable[dict[str, Any]]]
IGNORED = {"skipped": "not a payment of an invoice"}


def created_at(data: Mapping[str, Any]) -> datetime:
    return datetime.fromtimestamp(data["created"], UTC)


async def invoice_paid_through(
    stripe_object: dict[str, Any], stripe_account_id: str | None
) -> BillingInvoice | None:
    """The invoice a payment's metadata names, if the payment could be its."""
    try:
        invoice_id = PydanticObjectId((stripe_object.get("metadata") or {}).get("invoice_id"))
    except (InvalidId, TypeError):
        return None
    invoice = await repository.invoice(invoice_id)
    if invoice is None or invoice.connected_account != stripe_account_id:
        return None
    matches = (stripe_object.get("amount"), str(stripe_object.get("currency", "")).upper())
    return invoice if matches == (invoice.total, invoice.currency) else None


def attempt_of(stripe_object: dict[str, Any]) -> int | None:
    try:
        return int((stripe_object.get("metadata") or {})["attempt"])
    except (KeyError, ValueError, TypeError):
        return None


async def payment_settled(data: dict[str, Any], retry_days: Sequence[int]) -> dict[str, Any]:
    """`payment_intent.succeeded` and `payment_intent.payment_failed`."""
    intent = data["object"]
    invoice = await invoice_paid_through(intent, data.get("stripe_account_id"))
    attempt = attempt_of(intent)
    if invoice is None or attempt is None:
        return IGNORED
    error = intent.get("last_payment_error") or {}
    outcome = Outcome(
        attempt,
        intent.get("status") == "succeeded",
        intent["id"],
        error.get("code") or (None if intent.get("status") == "succeeded" else "payment_failed"),
        error.get("message"),
    )
    await record_outcome(invoice, outcome, retry_days, at=created_at(data))
    return {"invoice_id": str(invoice.id), "status": invoice.status.value}


async def refund_made(data: dict[str, Any], retry_days: Sequence[int]) -> dict[str, Any]:
    """`refund.created` and `refund.updated`: a refund of an invoice's payment, recorded once
    by its id (the refund route's answer may have recorded it first)."""
    refund = data["object"]
    if refund.get("status") not in ("succeeded", "pending"):
        return {"skipped": f"a refund {refund.get('status')}"}
    invoice = await repository.invoice_paid_by(refund.get("payment_intent") or "")
    if invoice is None or invoice.connected_account != data.get("stripe_account_id"):
        return IGNORED
    recorded = InvoiceRefund(
        reference=refund["id"],
        amount=refund["amount"],
        reason=(refund.get("metadata") or {}).get("reason") or refund.get("reason") or "",
        refunded_at=created_at(refund),
    )
    made = await invoice_refunded(invoice, recorded)
    return {"invoice_id": str(invoice.id), "recorded": made}


HANDLERS: dict[str, Handler] = {
    "payment_intent.succeeded": payment_settled,
    "payment_intent.payment_failed": payment_settled,
    "refund.created": refund_made,
    "refund.updated": refund_made,
}
