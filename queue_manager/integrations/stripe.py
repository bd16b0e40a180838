"""Stripe's Connect events: the customer, subscription or charge they carry copied into the
billing collections of the account that connected the Stripe account."""

from datetime import UTC, datetime
from typing import Any

from shared.models.billing_stripe import store_stripe_object
from shared.models.stripe_token import StripeToken


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    data = event["data"]
    connected = data["stripe_account_id"]
    token = connected and await StripeToken.find_one({"external_id": connected})
    if not token:
        return {"skipped": "no account has connected this Stripe account"}
    stored = await store_stripe_object(
        token.account_id,
        connected,
        data["object"],
        observed_at=datetime.fromtimestamp(data["created"], UTC),
        deleted=event["type"] == "customer.deleted",
    )
    return {"stored": stored}
