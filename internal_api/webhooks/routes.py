"""/v1/webhooks: the account's outgoing webhook endpoints, their secrets and delivery logs.

Every delivery is a POST of `{id, type, created_at, data}` signed in `Webhook-Signature`
(`t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">`; how a receiver checks it: `VERIFYING`, and
`queue_manager/webhooks/signing.py`). Event types: contact.created, contact.updated,
contact.deleted, deal.created, deal.stage_changed, message.created, form.submitted.
"""

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Response

from internal_api.dependencies import Settings
from internal_api.repository import mapped
from internal_api.webhooks import service
from internal_api.webhooks.schemas import (
    DeliveryRead,
    SecretRotation,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
)
from internal_api.webhooks.secrets import SecretSealer
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

# Endpoints receive the account's data and hold its secrets: an account admin's power.
WebhookAdmin = Annotated[Principal, Depends(requires("webhooks:write"))]

SIGNED_IN = (Unauthorized, Forbidden)

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
    summary="Subscribe a URL to event types",
    description="The URL must resolve to public addresses and use https (plain http only to "
    "networks WEBHOOK_ALLOWED_NETWORKS allows). The signing `secret` is answered only here "
    "and on rotation: keep it. " + VERIFYING,
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_subscription(
    body: SubscriptionCreate, principal: WebhookAdmin, settings: Settings, box: SecretSealer
) -> SubscriptionWithSecret:
    networks = settings.webhook_allowed_networks
    created = await service.create_subscription(principal, body, networks, box)
    return SubscriptionWithSecret.of_new(*created)


@router.get(
    "",
    summary="The account's webhook endpoints",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_subscriptions(principal: WebhookAdmin, paging: Paging) -> Page[SubscriptionRead]:
    return mapped(await service.list_subscriptions(principal, paging), SubscriptionRead.of)


@router.get(
    "/{subscription_id}",
    summary="One endpoint",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_subscription(subscription_id: str, principal: WebhookAdmin) -> SubscriptionRead:
    return SubscriptionRead.of(await service.get_subscription(principal, subscription_id))


@router.patch(
    "/{subscription_id}",
    summary="Change an endpoint, or switch it on or off",
    description="Switching it back on clears `disabled_reason`.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_subscription(
    subscription_id: str, body: SubscriptionUpdate, principal: WebhookAdmin, settings: Settings
) -> SubscriptionRead:
    networks = settings.webhook_allowed_networks
    subscription = await service.update_subscription(principal, subscription_id, body, networks)
    return SubscriptionRead.of(subscription)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    summary="Delete an endpoint and its delivery log",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_subscription(subscription_id: str, principal: WebhookAdmin) -> Response:
    await service.delete_subscription(principal, subscription_id)
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    summary="Replace the signing secret",
    description="Deliveries carry a signature with the old secret too for `overlap_seconds` "
    "(a day by default), so the receiver can switch over without refusing any.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def rotate_secret(
    subscription_id: str,
    principal: WebhookAdmin,
    box: SecretSealer,
    body: Annotated[SecretRotation, Body()] = SecretRotation(),
) -> SubscriptionWithSecret:
    rotated = await service.rotate_secret(principal, subscription_id, body.overlap_seconds, box)
    return SubscriptionWithSecret.of_new(*rotated)


@router.post(
    "/{subscription_id}/test",
    status_code=202,
    summary="Send the endpoint a `webhook.test` event",
    description="Delivered once, outside the retry schedule; its outcome is in the log.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def send_test_event(subscription_id: str, principal: WebhookAdmin) -> DeliveryRead:
    return DeliveryRead.of(await service.send_test_event(principal, subscription_id))


@router.get(
    "/{subscription_id}/deliveries",
    summary="The endpoint's delivery log, newest first",
    description="Each delivery with its status and every attempt: when, the answer's status "
    "code, how long it took, and what went wrong.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_deliveries(
    subscription_id: str, principal: WebhookAdmin, paging: Paging
) -> Page[DeliveryRead]:
    page = await service.list_deliveries(principal, subscription_id, paging)
    return mapped(page, DeliveryRead.of)


@router.get(
    "/{subscription_id}/deliveries/{delivery_id}",
    summary="One delivery and its attempts",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_delivery(
    subscription_id: str, delivery_id: str, principal: WebhookAdmin
) -> DeliveryRead:
    return DeliveryRead.of(await service.get_delivery(principal, subscription_id, delivery_id))


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    summary="Send a delivered or failed delivery again",
    description="One attempt, outside the retry schedule; a failure does not switch the "
    "endpoint off. 409 while the delivery is still being attempted or the endpoint is off.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def redeliver(
    subscription_id: str, delivery_id: str, principal: WebhookAdmin
) -> DeliveryRead:
    return DeliveryRead.of(await service.redeliver(principal, subscription_id, delivery_id))
