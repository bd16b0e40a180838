"""Fanning a platform event out to the account's webhook endpoints: one delivery each."""

from typing import Any

from pymongo.errors import DuplicateKeyError

from queue_manager.webhooks import repository
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription


def payload_of(event: dict[str, Any]) -> dict[str, Any]:
    """What an endpoint receives: the event without the account it belongs to."""
    return {field: event[field] for field in ("id", "type", "created_at", "data")}


Pending = tuple[WebhookDelivery, WebhookSubscription]


async def create_deliveries(event: dict[str, Any]) -> list[Pending]:
    """The pending deliveries of the event with their endpoints, one per enabled endpoint of its
    account subscribed to its type. The same event fanned out again creates none twice (one
    delivery per event and endpoint) and gives back those still pending, to be sent again."""
    deliveries = []
    for subscription in await repository.subscribed_endpoints(event["account_id"], event["type"]):
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
            found = await repository.delivery_of(event["id"], subscription.id)
            if found is None:  # deleted with its endpoint meanwhile
                continue
            delivery = found
        if delivery.status is DeliveryStatus.PENDING:
            deliveries.append((delivery, subscription))
    return deliveries
