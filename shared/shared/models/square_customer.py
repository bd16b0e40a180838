"""A customer in an account's connected Square seller's directory, copied by the Square sync."""

from datetime import datetime

from shared.models.square_record import SquareRecord, square_record_indexes


class SquareCustomer(SquareRecord):
    given_name: str | None = None
    family_name: str | None = None
    company_name: str | None = None
    email_address: str | None = None
    phone_number: str | None = None
    square_created_at: datetime | None = None

    class Settings:
        name = "billing_square_customers"
        indexes = square_record_indexes()
