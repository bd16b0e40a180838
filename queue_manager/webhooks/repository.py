"""Every query the webhook deliveries make: the deliveries, the endpoints they go to, and the
admins told when an endpoint is switched off. The task acts for the platform, so a delivery is
found by its id alone; what an account owns is scoped to it."""

from datetime import datetime

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.membership import Membership, Role
from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.repository import TenantRepository


async def delivery(delivery_id: str | PydanticObjectId) -> WebhookDelivery | None:
    return await WebhookDelivery.get(delivery_id)


async def delivery_of(
    event_id: str, subscription_id: PydanticObjectId | None
) -> WebhookDelivery | None:
    """The event's delivery to the endpoint (there is at most one)."""
    return await WebhookDelivery.find_one(
        {"event_id": event_id, "subscription_id": subscription_id}
    )


async def due_deliveries(now: datetime, limit: int) -> list[WebhookDelivery]:
    """Pending deliveries whose next attempt is due, oldest first."""
    due = {"status": DeliveryStatus.PENDING.value, "next_attempt_at": {"$lte": now}}
    return await WebhookDelivery.find(due).sort("+next_attempt_at").limit(limit).to_list()


async def endpoint(subscription_id: PydanticObjectId) -> WebhookSubscription | None:
    return await WebhookSubscription.get(subscription_id)


async def subscribed_endpoints(
    account_id: PydanticObjectId, event_type: str
) -> list[WebhookSubscription]:
    """The account's enabled endpoints subscribed to the event type."""
    endpoints = TenantRepository(WebhookSubscription, account_id)
    query = endpoints.scoped({"enabled": True, "event_types": event_type})
    return await WebhookSubscription.find(query).to_list()


async def switch_off(subscription_id: PydanticObjectId | None, reason: str) -> bool:
    """The endpoint disabled with its reason; False when it was off already."""
    switched = await WebhookSubscription.get_motor_collection().update_one(
        {"_id": subscription_id, "enabled": True},
        {"$set": {"enabled": False, "disabled_reason": reason, "updated_at": utc_now()}},
    )
    return switched.modified_count > 0


async def members_in_roles(account_id: PydanticObjectId, roles: list[Role]) -> list[Membership]:
    members = TenantRepository(Membership, account_id)
    return await Membership.find(members.scoped({"role": {"$in": roles}})).to_list()


async def record_attempt(
    delivery: WebhookDelivery,
    attempt: DeliveryAttempt,
    status: DeliveryStatus,
    next_attempt_at: datetime | None = None,
) -> None:
    """The attempt appended to the delivery's log with what comes next: one write."""
    delivery.attempts.append(attempt)
    delivery.status, delivery.next_attempt_at = status, next_attempt_at
    await WebhookDelivery.get_motor_collection().update_one(
        {"_id": delivery.id},
        {
            "$push": {"attempts": attempt.model_dump()},
            "$set": {
                "status": status.value,
                "next_attempt_at": next_attempt_at,
                "updated_at": utc_now(),
            },
        },
    )


async def postpone(delivery: WebhookDelivery, until: datetime) -> None:
    """The delivery's next attempt moved to `until` (its paced slot), so the retry cron leaves it
    alone until then."""
    delivery.next_attempt_at = until
    await WebhookDelivery.get_motor_collection().update_one(
        {"_id": delivery.id}, {"$set": {"next_attempt_at": until, "updated_at": utc_now()}}
    )
