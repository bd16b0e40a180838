"""A payment taken by an account's connected Square seller, copied by the Square sync."""

from datetime import datetime

from shared.models.square_record import SquareRecord, square_record_indexes


class SquarePayment(SquareRecord):
    amount: int  # minor units of `currency` (Square's `amount_money`)
    currency: str  # ISO 4217, upper-case as Square writes it
    refunded_amount: int = 0  # minor units of `currency`
    status: str  # APPROVED, PENDING, COMPLETED, CANCELED, FAILED
    source_type: str | None = None  # CARD, CASH, BANK_ACCOUNT, WALLET, ...
    customer_square_id: str | None = None
    location_id: str | None = None
    order_id: str | None = None
    receipt_url: str | None = None
    square_created_at: datetime | None = None

    class Settings:
        name = "billing_square_payments"
        indexes = square_record_indexes()
