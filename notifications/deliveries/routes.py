"""Asking for email, SMS and push, and the account's delivery log."""

from fastapi import APIRouter, Query

from notifications.deliveries import service
from notifications.deliveries.schemas import (
    DeliveryCreate,
    DeliveryRead,
    EmailCreate,
    PushCreate,
    SmsCreate,
)
from notifications.dependencies import DeliveryDispatcher, NotificationsReader, Sender, Settings
from shared.models.notification_delivery import DeliveryStatus
from shared.models.notification_template import Channel
from shared.utilities.auth import Principal
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])

SEND_ERRORS = error_responses(Unauthorized, Forbidden, NotFound, InvalidInput)
SEND_DESCRIPTION = (
    "Renders the event's template with the account's branding, applies the recipient's "
    "preferences and answers the delivery: `queued` (sent in the background), `deferred` "
    "(quiet hours; sent when they end) or `suppressed` (opted out, never sent). Users send "
    "with `notifications:write` for their active account; services name `account_id`."
)


async def send(
    settings: Settings,
    principal: Principal,
    dispatcher: DeliveryDispatcher,
    channel: Channel,
    body: DeliveryCreate,
) -> DeliveryRead:
    delivery = await service.request_delivery(settings, principal, channel, body)
    if delivery.status is DeliveryStatus.QUEUED:
        dispatcher.dispatch(str(delivery.id))
    return DeliveryRead.of(delivery)


@router.post(
    "/email",
    status_code=202,
    summary="Send an email",
    description=SEND_DESCRIPTION,
    responses=SEND_ERRORS,
)
async def send_email(
    principal: Sender, settings: Settings, dispatcher: DeliveryDispatcher, body: EmailCreate
) -> DeliveryRead:
    return await send(settings, principal, dispatcher, Channel.EMAIL, body)


@router.post(
    "/sms",
    status_code=202,
    summary="Send an SMS",
    description=SEND_DESCRIPTION,
    responses=SEND_ERRORS,
)
async def send_sms(
    principal: Sender, settings: Settings, dispatcher: DeliveryDispatcher, body: SmsCreate
) -> DeliveryRead:
    return await send(settings, principal, dispatcher, Channel.SMS, body)


@router.post(
    "/push",
    status_code=202,
    summary="Send a push notification (FCM token or Expo push token)",
    description=SEND_DESCRIPTION,
    responses=SEND_ERRORS,
)
async def send_push(
    principal: Sender, settings: Settings, dispatcher: DeliveryDispatcher, body: PushCreate
) -> DeliveryRead:
    return await send(settings, principal, dispatcher, Channel.PUSH, body)


@router.get(
    "/deliveries",
    summary="The account's delivery log, newest first",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_deliveries(
    principal: NotificationsReader,
    paging: Paging,
    status: DeliveryStatus | None = Query(None, description="only deliveries in this status"),
    channel: Channel | None = Query(None, description="only this channel"),
) -> Page[DeliveryRead]:
    filters = {field: value for field, value in (("status", status), ("channel", channel)) if value}
    page = await service.list_deliveries(principal.account_id, paging, filters)
    return Page[DeliveryRead](
        data=[DeliveryRead.of(delivery) for delivery in page.data], pagination=page.pagination
    )


@router.get(
    "/deliveries/{delivery_id}",
    summary="One delivery: what was sent, to whom, and each status it went through",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_delivery(principal: NotificationsReader, delivery_id: str) -> DeliveryRead:
    return DeliveryRead.of(await service.get_delivery(principal.account_id, delivery_id))
