"""A sub-account's order of one of its agency's store products: charged to the sub-account's
saved card (in the agency's connected Stripe account), then fulfilled by the agency (status,
assignee, due date, and a project in the agency's account for the work); refunds recorded."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAYMENT_FAILED = "payment_failed"  # ordering again with the same key tries again
    PAID = "paid"  # waiting for the agency
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class StoreRefund(BaseModel):
    key: str  # the refund request's own key: recorded once
    reference: str  # the provider's refund (re_...)
    amount: int
    reason: str = ""
    refunded_at: datetime


class StoreOrder(TenantDocument):
    # account_id: the sub-account that ordered
    agency_id: PydanticObjectId
    key: str  # the sub-account's id for the order: ordering twice with it orders once
    product_id: PydanticObjectId
    product_name: str
    amount: int  # minor units, the product's price when ordered
    currency: str
    status: OrderStatus = OrderStatus.PENDING_PAYMENT
    attempts: int = 0
    provider: str | None = None
    connected_account: str | None = None
    payment_reference: str | None = None
    failure: str | None = None
    paid_at: datetime | None = None
    # Fulfilment, the agency's.
    assignee_id: PydanticObjectId | None = None
    due_at: datetime | None = None
    project_id: PydanticObjectId | None = None
    delivered_at: datetime | None = None
    refunds: list[StoreRefund] = []
    amount_refunded: int = 0

    class Settings:
        name = "store_orders"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("key", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The agency's fulfilment list, by status.
            IndexModel(
                [("agency_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("agency_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
