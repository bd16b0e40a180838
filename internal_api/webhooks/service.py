"""An account's webhook endpoints: subscribing URLs to event types, their signing secrets, and
their delivery logs with redelivery.

Deliveries are made by the queue manager (`webhook.deliver`); this module creates the endpoints
and asks for redeliveries and test events, each sent once the request has succeeded.
"""

import uuid
from collections.abc import Sequence
from datetime import timedelta

from internal_api.extended import Extended
from internal_api.webhooks.errors import DeliveryInProgress, EndpointSwitchedOff
from internal_api.webhooks.repository import DeliveryRepository, EndpointRepository
from internal_api.webhooks.schemas import SubscriptionCreate, SubscriptionUpdate
from internal_api.webhooks.secrets import new_secret
from internal_api.webhooks.urls import check_url
from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.addresses import IPNetwork
from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox
from shared.utilities.errors import NotFound
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import WEBHOOK_DELIVER

TEST_EVENT_TYPE = "webhook.test"


async def create_subscription(
    principal: Principal,
    body: SubscriptionCreate,
    allowed_networks: Sequence[IPNetwork],
    box: SecretBox,
) -> Extended[WebhookSubscription]:
    """The endpoint, with its signing secret (stored sealed: this is the one time it is seen)."""
    await check_url(body.url, allowed_networks, "url")
    secret = new_secret()
    subscription = await EndpointRepository(principal.account_id).create(
        url=str(body.url),
        event_types=body.event_types,
        description=body.description,
        enabled=body.enabled,
        sealed_secret=box.seal(secret),
    )
    return Extended(subscription, secret=secret)


async def list_subscriptions(principal: Principal, params: PageParams) -> Page[WebhookSubscription]:
    return await EndpointRepository(principal.account_id).paginate(params)


async def get_subscription(principal: Principal, subscription_id: str) -> WebhookSubscription:
    return await EndpointRepository(principal.account_id).get(subscription_id)


async def update_subscription(
    principal: Principal,
    subscription_id: str,
    body: SubscriptionUpdate,
    allowed_networks: Sequence[IPNetwork],
) -> WebhookSubscription:
    subscription = await get_subscription(principal, subscription_id)
    if body.url:
        await check_url(body.url, allowed_networks, "url")
        subscription.url = str(body.url)
    for field in body.model_fields_set - {"url"}:
        setattr(subscription, field, getattr(body, field))
    if body.enabled:
        subscription.disabled_reason = None
    await subscription.save()
    return subscription


async def delete_subscription(principal: Principal, subscription_id: str) -> None:
    """The endpoint and its delivery log; deliveries still waiting are not sent."""
    subscription = await get_subscription(principal, subscription_id)
    await DeliveryRepository(principal.account_id).delete_of_endpoint(subscription.id)
    await subscription.delete()


async def rotate_secret(
    principal: Principal, subscription_id: str, overlap_seconds: int, box: SecretBox
) -> Extended[WebhookSubscription]:
    """A new secret (answered this once); deliveries are signed with the old one too for
    `overlap_seconds`, so the receiver can switch over without refusing any."""
    subscription = await get_subscription(principal, subscription_id)
    secret = new_secret()
    subscription.sealed_previous_secret = subscription.sealed_secret
    subscription.previous_secret_expires_at = utc_now() + timedelta(seconds=overlap_seconds)
    subscription.sealed_secret = box.seal(secret)
    await subscription.save()
    return Extended(subscription, secret=secret)


async def list_deliveries(
    principal: Principal, subscription_id: str, params: PageParams
) -> Page[WebhookDelivery]:
    subscription = await get_subscription(principal, subscription_id)
    return await DeliveryRepository(principal.account_id).paginate(
        params, {"subscription_id": subscription.id}
    )


async def get_delivery(
    principal: Principal, subscription_id: str, delivery_id: str
) -> WebhookDelivery:
    subscription = await get_subscription(principal, subscription_id)
    delivery = await DeliveryRepository(principal.account_id).of_endpoint(
        subscription.id, delivery_id
    )
    if delivery is None:
        raise NotFound(f"Delivery {delivery_id} does not exist.")
    return delivery


async def redeliver(
    principal: Principal, subscription_id: str, delivery_id: str
) -> WebhookDelivery:
    """One more attempt at a settled delivery (delivered or failed), outside the retry
    schedule: its outcome is added to the log, and a failure does not switch the endpoint off."""
    delivery = await get_delivery(principal, subscription_id, delivery_id)
    await ensure_enabled(principal, subscription_id)
    if delivery.status in (DeliveryStatus.PENDING, DeliveryStatus.HELD):
        raise DeliveryInProgress()
    delivery.status = DeliveryStatus.PENDING
    await delivery.save()
    send_manual_attempt(delivery)
    return delivery


async def send_test_event(principal: Principal, subscription_id: str) -> WebhookDelivery:
    """A `webhook.test` event for this endpoint alone, delivered once like a redelivery."""
    subscription = await ensure_enabled(principal, subscription_id)
    event_id = f"evt_{uuid.uuid4().hex}"
    delivery = await DeliveryRepository(principal.account_id).create(
        subscription_id=subscription.id,
        event_id=event_id,
        event_type=TEST_EVENT_TYPE,
        payload={
            "id": event_id,
            "type": TEST_EVENT_TYPE,
            "created_at": utc_now().isoformat(),
            "data": {"subscription_id": str(subscription.id)},
        },
    )
    send_manual_attempt(delivery)
    return delivery


async def ensure_enabled(principal: Principal, subscription_id: str) -> WebhookSubscription:
    subscription = await get_subscription(principal, subscription_id)
    if not subscription.enabled:
        raise EndpointSwitchedOff()
    return subscription


def send_manual_attempt(delivery: WebhookDelivery) -> None:
    # The task id names the attempt, so this one runs once and apart from any earlier one.
    attempt = len(delivery.attempts) + 1
    enqueue_job(
        WEBHOOK_DELIVER,
        task_id=f"{delivery.id}.manual-{attempt}",
        delivery_id=str(delivery.id),
        manual=True,
    )
