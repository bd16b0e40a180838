"""Stripe's Connect events (and the test payment provider's, told the same way): a payment or
refund of an invoice handed to billing (`shared.domain.billing.payment_events`), a consumer's
completed checkout to the store (`shared.domain.store.purchases`); a customer,
subscription or charge copied into the billing collections of the account that connected the
Stripe account."""

from datetime import UTC, datetime
from typing import Any

from queue_manager.celery import settings
from shared.domain.billing.payment_events import HANDLERS as BILLING_HANDLERS
from shared.domain.billing.payment_events import Handler
from shared.domain.billing.repository import account_connected_to
from shared.domain.billing.stripe_objects import store_stripe_object
from shared.domain.store.purchases import HANDLERS as STORE_HANDLERS

# The payments' events, by type: whoever takes money through the payments layer handles its own.
PAYMENT_HANDLERS: dict[str, Handler] = {**BILLING_HANDLERS, **STORE_HANDLERS}


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    payment_handler = PAYMENT_HANDLERS.get(event["type"])
    if payment_handler is not None:
        return await payment_handler(event["data"], settings.billing_retry_days)
    return await copy(event)


async def copy(event: dict[str, Any]) -> dict[str, Any]:
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
