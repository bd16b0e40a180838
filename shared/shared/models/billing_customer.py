"""A customer of an account's connected Stripe account (`cus_...`), copied by the Stripe sync."""

from datetime import datetime

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.billing_record import BillingRecord, stripe_record_indexes


class BillingCustomer(BillingRecord):
    email: str | None = None
    name: str | None = None
    phone: str | None = None
    currency: str | None = None  # ISO 4217, lower-case as Stripe writes it
    balance: int = 0  # minor units of `currency`
    deleted: bool = False
    stripe_created_at: datetime | None = None
    metadata: dict[str, str] = {}

    class Settings:
        name = "billing_customers"
        indexes = [
            *stripe_record_indexes(),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("email", ASCENDING)]),
        ]
