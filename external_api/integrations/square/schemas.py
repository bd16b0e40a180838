from datetime import datetime

from pydantic import BaseModel

from shared.models.square_catalog_item import CatalogVariation
from shared.utilities.schemas import DocumentRead


class SyncRead(BaseModel):
    """How many of each were copied (new or changed) by the sync."""

    customers: int = 0
    payments: int = 0
    catalog_items: int = 0


class SquareRecordRead(DocumentRead):
    square_id: str
    merchant_id: str
    square_updated_at: datetime
    deleted: bool


class SquareCustomerRead(SquareRecordRead):
    given_name: str | None
    family_name: str | None
    company_name: str | None
    email_address: str | None
    phone_number: str | None
    square_created_at: datetime | None


class SquarePaymentRead(SquareRecordRead):
    amount: int  # minor units of `currency`
    currency: str
    refunded_amount: int
    status: str
    source_type: str | None
    customer_square_id: str | None
    location_id: str | None
    order_id: str | None
    receipt_url: str | None
    square_created_at: datetime | None


class SquareCatalogItemRead(SquareRecordRead):
    name: str | None
    description: str | None
    version: int
    variations: list[CatalogVariation]
