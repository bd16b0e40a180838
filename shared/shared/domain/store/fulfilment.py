"""The agency's side of an order: who works on it, by when, and how far it is. Only a paid
order moves; its assignee is a user of the agency."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.domain.accounts.users import require_users
from shared.domain.store.errors import OrderNotPaid
from shared.models.store_order import OrderStatus, StoreOrder

# Where a paid order may go next.
MOVES = {
    OrderStatus.PAID: {OrderStatus.IN_PROGRESS, OrderStatus.DELIVERED, OrderStatus.CANCELLED},
    OrderStatus.IN_PROGRESS: {OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.PAID},
    OrderStatus.DELIVERED: {OrderStatus.IN_PROGRESS},
    OrderStatus.CANCELLED: set(),
}


async def track(
    order: StoreOrder,
    agency_id: PydanticObjectId,
    changes: dict[str, Any],
    now: datetime,
) -> StoreOrder:
    """Sets the status, assignee and due date given; OrderNotPaid for an order not paid, or a
    move its status does not allow."""
    if order.status not in MOVES:
        raise OrderNotPaid()
    fields: dict[str, Any] = {}
    if "assignee_id" in changes:
        [assignee] = await require_users(agency_id, [changes["assignee_id"]], "assignee_id")
        fields["assignee_id"] = assignee
    if "due_at" in changes:
        fields["due_at"] = changes["due_at"]
    if (status := changes.get("status")) and status != order.status:
        if status not in MOVES[order.status]:
            raise OrderNotPaid(f"An order {order.status.value} cannot become {status}.")
        fields["status"] = status
        fields["delivered_at"] = now if status == OrderStatus.DELIVERED else None
    if fields:
        await order.set(fields)
    return order
