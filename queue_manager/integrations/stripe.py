"""Stripe's Connect events: the customer, subscription or charge they carry copied into the
billing collections of the account that connected the Stripe account."""

from datetime import UTC, datetime
from typing import Any

from shared.domain.billing.repository import account_connected_to
from shared.domain.billing.stripe_objects import store_stripe_object


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    data = event["data"]
    connected = data["stripe_account_id"]
    account_id = connected and await account_connected_to(connected)
    if not account_id:
        return {"skipped": "no account has connected this Stripe account"}
    stored = await store_stripe_object(
        account_id,
        connected,
        data["object"],
        observed_at=datetime.fromtimestamp(data["created"], UTC),
        deleted=event["type"] == "customer.deleted",
    )
    return {"stored": stored}
