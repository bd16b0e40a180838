"""One consumer's purchase through an offer's checkout link: pending until the provider's
`checkout.session.completed` event, then paid with its contact, won deal and invoice."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class PurchaseStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"


class ConsumerPurchase(TenantDocument):
    offer_id: PydanticObjectId
    amount: int
    currency: str
    email: str
    name: str = ""
    status: PurchaseStatus = PurchaseStatus.PENDING
    provider: str
    connected_account: str | None = None
    checkout_session_id: str | None = None
    payment_reference: str | None = None
    paid_at: datetime | None = None
    contact_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None
    invoice_id: PydanticObjectId | None = None
    # The hosted funnel's checkout step it was bought on, if any (its purchases count there).
    funnel_id: PydanticObjectId | None = None
    step_id: PydanticObjectId | None = None

    class Settings:
        name = "consumer_purchases"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("checkout_session_id", ASCENDING)]),
        ]
