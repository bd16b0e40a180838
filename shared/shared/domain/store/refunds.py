"""Refunds of a paid order, through the payments layer (in the Stripe account it was paid in)
and recorded on the order once per refund key, never past what was paid."""

from datetime import datetime

from shared.domain.payments.provider import PaymentProvider
from shared.domain.store import repository
from shared.domain.store.errors import OrderNotPaid, RefundTooLarge
from shared.models.store_order import StoreOrder, StoreRefund


async def refund_order(
    provider: PaymentProvider,
    order: StoreOrder,
    amount: int | None,
    reason: str,
    key: str,
    now: datetime,
) -> StoreOrder:
    if order.payment_reference is None:
        raise OrderNotPaid()
    if any(refund.key == key for refund in order.refunds):
        return order
    to_refund = order.amount - order.amount_refunded if amount is None else amount
    if to_refund <= 0 or order.amount_refunded + to_refund > order.amount:
        raise RefundTooLarge(
            details=[
                {"field": "amount", "message": f"at most {order.amount - order.amount_refunded}"}
            ]
        )
    result = await provider.refund(
        order.payment_reference,
        to_refund,
        idempotency_key=f"store-refund:{order.id}:{key}",
        connected_account=order.connected_account,
        metadata={"store_order_id": str(order.id)},
    )
    refund = StoreRefund(
        key=key, reference=result.reference, amount=result.amount, reason=reason, refunded_at=now
    )
    await repository.record_refund(order, refund)
    assert order.id is not None
    return await repository.OrderRepository(order.account_id).get(order.id)
