"""A subscription of an account's connected Stripe account (`sub_...`), copied by the sync."""

from datetime import datetime

from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.billing_record import BillingRecord, stripe_record_indexes


class SubscriptionItem(BaseModel):
    stripe_id: str  # si_...
    price_id: str | None = None
    product_id: str | None = None
    unit_amount: int | None = None  # minor units of `currency`; None for tiered prices
    currency: str | None = None
    interval: str | None = None  # day, week, month, year
    interval_count: int | None = None
    quantity: int = 1


class BillingSubscription(BillingRecord):
    customer_stripe_id: str
    status: str  # incomplete, trialing, active, past_due, canceled, unpaid, paused, ...
    currency: str | None = None
    items: list[SubscriptionItem] = []
    cancel_at_period_end: bool = False
    current_period_start: datetime | None = None
    current_period_end: datetime | None = None
    canceled_at: datetime | None = None
    stripe_created_at: datetime | None = None
    metadata: dict[str, str] = {}

    class Settings:
        name = "billing_subscriptions"
        indexes = [
            *stripe_record_indexes(),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("customer_stripe_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("status", ASCENDING)]),
        ]
