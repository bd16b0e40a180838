"""A subscription of an account's connected Stripe account (`sub_...`), copied by the sync."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.billing_record import (
    BillingRecord,
    from_timestamp,
    stripe_id_of,
    stripe_record_indexes,
)


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

    @staticmethod
    def fields_of(subscription: dict[str, Any]) -> dict[str, Any]:
        items = (subscription.get("items") or {}).get("data") or []
        # Since API version 2025-03-31 the period is on each item rather than the subscription.
        first = items[0] if items else {}
        return {
            "stripe_id": subscription["id"],
            "livemode": subscription.get("livemode", False),
            "customer_stripe_id": stripe_id_of(subscription.get("customer")) or "",
            "status": subscription["status"],
            "currency": subscription.get("currency"),
            "items": [item_of(item).model_dump() for item in items],
            "cancel_at_period_end": bool(subscription.get("cancel_at_period_end")),
            "current_period_start": from_timestamp(
                subscription.get("current_period_start", first.get("current_period_start"))
            ),
            "current_period_end": from_timestamp(
                subscription.get("current_period_end", first.get("current_period_end"))
            ),
            "canceled_at": from_timestamp(subscription.get("canceled_at")),
            "stripe_created_at": from_timestamp(subscription.get("created")),
            "metadata": subscription.get("metadata") or {},
        }


def item_of(item: dict[str, Any]) -> SubscriptionItem:
    price = item.get("price") or {}
    recurring = price.get("recurring") or {}
    return SubscriptionItem(
        stripe_id=item["id"],
        price_id=price.get("id"),
        product_id=stripe_id_of(price.get("product")),
        unit_amount=price.get("unit_amount"),
        currency=price.get("currency"),
        interval=recurring.get("interval"),
        interval_count=recurring.get("interval_count"),
        quantity=item.get("quantity") or 1,
    )
