"""A charge of an account's connected Stripe account (`ch_...`), copied by the sync."""

from datetime import datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.billing_record import (
    BillingRecord,
    from_timestamp,
    stripe_id_of,
    stripe_record_indexes,
)


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

    @staticmethod
    def fields_of(charge: dict[str, Any]) -> dict[str, Any]:
        return {
            "stripe_id": charge["id"],
            "livemode": charge.get("livemode", False),
            "customer_stripe_id": stripe_id_of(charge.get("customer")),
            "amount": charge["amount"],
            "amount_captured": charge.get("amount_captured") or 0,
            "amount_refunded": charge.get("amount_refunded") or 0,
            "currency": charge["currency"],
            "status": charge["status"],
            "paid": bool(charge.get("paid")),
            "refunded": bool(charge.get("refunded")),
            "description": charge.get("description"),
            "failure_code": charge.get("failure_code"),
            "payment_intent_id": stripe_id_of(charge.get("payment_intent")),
            "stripe_created_at": from_timestamp(charge.get("created")),
        }
