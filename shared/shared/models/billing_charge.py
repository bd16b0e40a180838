"""A charge of an account's connected Stripe account (`ch_...`), copied by the sync."""

from datetime import datetime

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.billing_record import BillingRecord, stripe_record_indexes


class BillingCharge(BillingRecord):
    customer_stripe_id: str | None = None
    amount: int  # minor units of `currency`
    amount_captured: int = 0
    amount_refunded: int = 0
    currency: str  # ISO 4217, lower-case as Stripe writes it
    status: str  # succeeded, pending, failed
    paid: bool = False
    refunded: bool = False
    description: str | None = None
    failure_code: str | None = None
    payment_intent_id: str | None = None
    stripe_created_at: datetime | None = None

    class Settings:
        name = "billing_charges"
        indexes = [
            *stripe_record_indexes(),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("customer_stripe_id", ASCENDING)]),
        ]
