"""The invoice of a consumer's purchase, paid when it is made: the sub-account's record of the
sale to its contact (billing's invoices are between accounts; this one is to a contact).
One per purchase."""

from datetime import datetime

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConsumerInvoiceLine(BaseModel):
    description: str
    amount: int
    quantity: int = 1


class ConsumerInvoice(TenantDocument):
    purchase_id: PydanticObjectId
    contact_id: PydanticObjectId
    number: str
    currency: str
    lines: list[ConsumerInvoiceLine]
    total: int
    status: str = "paid"
    paid_at: datetime
    payment_reference: str | None = None

    class Settings:
        name = "consumer_invoices"
        indexes = [
            IndexModel([("purchase_id", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("contact_id", ASCENDING)]),
        ]
