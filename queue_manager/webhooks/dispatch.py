"""Fanning a platform event out to the account's webhook endpoints: one delivery each."""

from typing import Any

from pymongo.errors import DuplicateKeyError

from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.repository import TenantRepository


def payload_of(event: dict[str, Any]) -> dict[str, Any]:
    """What an endpoint receives: the event without the account it belongs to."""
    return {field: event[field] for field in ("id", "type", "created_at", "data")}


async def create_deliveries(event: dict[str, Any]) -> list[WebhookDelivery]:
    """The pending deliveries of the event, one per enabled endpoint of its account subscribed
    to its type. The same event fanned out again creates none twice (one delivery per event and
    endpoint) and gives back those still pending, to be sent again."""
    endpoints = TenantRepository(WebhookSubscription, event["account_id"])
    query = endpoints.scoped({"enabled": True, "event_types": event["type"]})
    deliveries = []
    for subscription in await WebhookSubscription.find(query).to_list():
        delivery = WebhookDelivery(
            account_id=subscription.account_id,
            subscription_id=subscription.id,
            event_id=event["id"],
            event_type=event["type"],
            payload=payload_of(event),
        )
        try:
            await delivery.insert()
        except DuplicateKeyError:
            delivery = await WebhookDelivery.find_one(
                {"event_id": event["id"], "subscription_id": subscription.id}
            )
        if delivery.status is DeliveryStatus.PENDING:
            deliveries.append(delivery)
    return deliveries
