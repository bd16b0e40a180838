"""/v1/webhooks: the account's outgoing webhook endpoints, their secrets and delivery logs.

Every delivery is a POST of `{id, type, created_at, data}` signed in `Webhook-Signature`
(`t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">`; how a receiver checks it: `VERIFYING`, and
`queue_manager/webhooks/signing.py`). Event types: contact.created, contact.updated,
contact.deleted, deal.created, deal.stage_changed, message.created, form.submitted,
document.signed, review.created, review.updated, review.replied (and the others of
`WebhookEventType`).
"""

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Response

from internal_api.dependencies import Settings
from internal_api.extended import Extended
from internal_api.webhooks import service
from internal_api.webhooks.auth import WebhooksAdmin
from internal_api.webhooks.errors import DeliveryInProgress, EndpointSwitchedOff, WebhookUrlRefused
from internal_api.webhooks.repository import DeliveryRepository, EndpointRepository
from internal_api.webhooks.schemas import (
    DeliveryRead,
    SecretRotation,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)
from internal_api.webhooks.secrets import SecretSealer
from shared.models.webhook_delivery import WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

EndpointPaging = Annotated[PageParams, Depends(sorted_by(EndpointRepository.sortable))]
DeliveryPaging = Annotated[PageParams, Depends(sorted_by(DeliveryRepository.sortable))]

VERIFYING = (
    "Each delivery is a POST of `{id, type, created_at, data}` with `Webhook-Id` (the event's "
    "id) and `Webhook-Signature: t=<unix>,v1=<hex>`: check it by computing HMAC-SHA256 with the "
    "secret (the whole `whsec_...` string) over `<t>.<raw body>`, comparing it in constant time "
    "with each `v1` (two during a rotation's overlap), and refusing a `t` more than a few minutes "
    "from your clock (a replay)."
)


@router.post(
    "",
    status_code=201,
    response_model=SubscriptionWithSecret,
    summary="Subscribe a URL to event types",
    description="The URL must resolve to public addresses and use https (plain http only to "
    "networks WEBHOOK_ALLOWED_NETWORKS allows). The signing `secret` is answered only here "
    "and on rotation: keep it. " + VERIFYING,
    responses=error_responses(*SIGNED_IN, WebhookUrlRefused),
)
async def create_subscription(
    body: SubscriptionCreate, principal: WebhooksAdmin, settings: Settings, box: SecretSealer
) -> Extended[WebhookSubscription]:
    networks = settings.webhook_allowed_networks
    return await service.create_subscription(principal, body, networks, box)


@router.get(
    "",
    response_model=Page[SubscriptionRead],
    summary="The account's webhook endpoints",
    responses=error_responses(*SIGNED_IN),
)
async def list_subscriptions(
    principal: WebhooksAdmin, paging: EndpointPaging
) -> Page[WebhookSubscription]:
    return await service.list_subscriptions(principal, paging)


@router.get(
    "/{subscription_id}",
    response_model=SubscriptionRead,
    summary="One webhook endpoint",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_subscription(subscription_id: str, principal: WebhooksAdmin) -> WebhookSubscription:
    return await service.get_subscription(principal, subscription_id)


@router.patch(
    "/{subscription_id}",
    response_model=SubscriptionRead,
    summary="Change a webhook endpoint, or switch it on or off",
    description="Switching it back on clears `disabled_reason`.",
    responses=error_responses(*SIGNED_IN, NotFound, WebhookUrlRefused),
)
async def update_subscription(
    subscription_id: str, body: SubscriptionUpdate, principal: WebhooksAdmin, settings: Settings
) -> WebhookSubscription:
    networks = settings.webhook_allowed_networks
    return await service.update_subscription(principal, subscription_id, body, networks)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    summary="Delete a webhook endpoint and its delivery log",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_subscription(subscription_id: str, principal: WebhooksAdmin) -> Response:
    await service.delete_subscription(principal, subscription_id)
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    response_model=SubscriptionWithSecret,
    summary="Replace the signing secret",
    description="Deliveries carry a signature with the old secret too for `overlap_seconds` "
    "(a day by default), so the receiver can switch over without refusing any.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def rotate_secret(
    subscription_id: str,
    principal: WebhooksAdmin,
    box: SecretSealer,
    body: Annotated[SecretRotation, Body()] = SecretRotation(),
) -> Extended[WebhookSubscription]:
    return await service.rotate_secret(principal, subscription_id, body.overlap_seconds, box)


@router.post(
    "/{subscription_id}/test",
    status_code=202,
    response_model=DeliveryRead,
    summary="Send the webhook endpoint a `webhook.test` event",
    description="Delivered once, outside the retry schedule; its outcome is in the log.",
    responses=error_responses(*SIGNED_IN, NotFound, EndpointSwitchedOff),
)
async def send_test_event(subscription_id: str, principal: WebhooksAdmin) -> WebhookDelivery:
    return await service.send_test_event(principal, subscription_id)


@router.get(
    "/{subscription_id}/deliveries",
    response_model=Page[DeliveryRead],
    summary="The webhook endpoint's delivery log, newest first",
    description="Each delivery with its status and every attempt: when, the answer's status "
    "code, how long it took, and what went wrong.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_deliveries(
    subscription_id: str, principal: WebhooksAdmin, paging: DeliveryPaging
) -> Page[WebhookDelivery]:
    return await service.list_deliveries(principal, subscription_id, paging)


@router.get(
    "/{subscription_id}/deliveries/{delivery_id}",
    response_model=DeliveryRead,
    summary="One delivery and its attempts",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_delivery(
    subscription_id: str, delivery_id: str, principal: WebhooksAdmin
) -> WebhookDelivery:
    return await service.get_delivery(principal, subscription_id, delivery_id)


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    response_model=DeliveryRead,
    summary="Send a delivered or failed delivery again",
    description="One attempt, outside the retry schedule; a failure does not switch the "
    "endpoint off. 409 while the delivery is still being attempted or the endpoint is off.",
    responses=error_responses(*SIGNED_IN, NotFound, DeliveryInProgress),
)
async def redeliver(
    subscription_id: str, delivery_id: str, principal: WebhooksAdmin
) -> WebhookDelivery:
    return await service.redeliver(principal, subscription_id, delivery_id)
