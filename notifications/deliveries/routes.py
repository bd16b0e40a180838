"""Asking for email, SMS and push, and the account's delivery log."""

from fastapi import APIRouter, Query

from notifications.deliveries import service
from notifications.deliveries.auth import (
    NotificationsMail,
    NotificationsRead,
    NotificationsWrite,
)
from notifications.deliveries.errors import (
    AccountRequired,
    AddressForServices,
    ContactNotFound,
    CountryNotAllowed,
    DailyLimitReached,
    MarketingNeedsUser,
    NoAddress,
    NotYourAccount,
    OneRecipient,
)
from notifications.deliveries.schemas import DeliveryRead, EmailCreate, PushCreate, SmsCreate
from notifications.dependencies import Sending
from notifications.templates.errors import MissingVariables, TemplateNotFound, UnsafeLink
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.onebalance.errors import InsufficientBalance
from shared.models.notification_delivery import DeliveryStatus, NotificationDelivery
from shared.models.notification_template import Channel
from shared.utilities.errors import (
    SIGNED_IN,
    EmailNotVerified,
    InvalidInput,
    NotFound,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])

# What every send may answer; email and SMS wait for the owner's confirmed email too.
SEND_ERRORS = (
    *SIGNED_IN,
    AddressForServices,
    NotYourAccount,
    CountryNotAllowed,
    NotAccountUsers,
    ContactNotFound,
    TemplateNotFound,
    AccountRequired,
    OneRecipient,
    NoAddress,
    MarketingNeedsUser,
    MissingVariables,
    UnsafeLink,
    DailyLimitReached,
    InsufficientBalance,
)
SEND_DESCRIPTION = (
    "Sends to one of the account's users (`user_id`) or contacts (`contact_id`) at the address "
    "the platform holds for them; a free-form address (`to`) is for the platform's services. "
    "Renders the event's template with the account's branding and time zone (every "
    "`required_variables` must be in `data`); an email naming `template_id` renders that email "
    "of the templates library instead (sanitised, its merge fields from `data`; 404 "
    "`template_not_found` for one the account is not offered), applies the recipient's "
    "preferences and answers the delivery: `queued` (sent in the background), `deferred` (quiet"
    " hours; sent when they end), `suppressed` (opted out, never sent) or `failed` (the "
    "template went over a limit with this data; `reason` says which). Users send with "
    "`notifications:write` for their active account; services name `account_id`. Email and SMS "
    "count against the account's daily limits (429 `daily_limit_reached` past them), and SMS go"
    " to the allowed countries only. An account paying from a OneBalance wallet is charged for "
    "each email and SMS segment when it is asked for (402 `insufficient_balance`, nothing "
    "stored or sent, when the wallet cannot cover it; taken back if it fails for good). A "
    "user's email and SMS wait until the account's owner has confirmed their email (403 "
    "`email_not_verified`)."
)
PUSH_DESCRIPTION = (
    SEND_DESCRIPTION
    + " A push to a user goes to each device they registered (`/v1/mobile-app/devices`), "
    "listed in the delivery's `devices` with each one's outcome: `sent` once a device took it, "
    "`failed` when none did, `suppressed` when the user has no device. A token its provider "
    "reports dead removes its device."
)


@router.post(
    "/email",
    status_code=202,
    response_model=DeliveryRead,
    summary="Send an email",
    description=SEND_DESCRIPTION,
    responses=error_responses(*SEND_ERRORS, EmailNotVerified),
)
async def send_email(
    principal: NotificationsMail, sending: Sending, body: EmailCreate
) -> NotificationDelivery:
    return await service.send(sending, principal, Channel.EMAIL, body)


@router.post(
    "/sms",
    status_code=202,
    response_model=DeliveryRead,
    summary="Send an SMS",
    description=SEND_DESCRIPTION,
    responses=error_responses(*SEND_ERRORS, EmailNotVerified),
)
async def send_sms(
    principal: NotificationsMail, sending: Sending, body: SmsCreate
) -> NotificationDelivery:
    return await service.send(sending, principal, Channel.SMS, body)


@router.post(
    "/push",
    status_code=202,
    response_model=DeliveryRead,
    summary="Send a push notification to a user's devices (or, for services, a token)",
    description=PUSH_DESCRIPTION,
    responses=error_responses(*SEND_ERRORS),
)
async def send_push(
    principal: NotificationsWrite, sending: Sending, body: PushCreate
) -> NotificationDelivery:
    return await service.send(sending, principal, Channel.PUSH, body)


@router.get(
    "/deliveries",
    response_model=Page[DeliveryRead],
    summary="The account's delivery log, newest first",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_deliveries(
    principal: NotificationsRead,
    paging: Paging,
    status: DeliveryStatus | None = Query(None, description="only deliveries in this status"),
    channel: Channel | None = Query(None, description="only this channel"),
) -> Page[NotificationDelivery]:
    filters = {field: value for field, value in (("status", status), ("channel", channel)) if value}
    return await service.list_deliveries(principal.account_id, paging, filters)


@router.get(
    "/deliveries/{delivery_id}",
    response_model=DeliveryRead,
    summary="One delivery: what was sent, to whom, and each status it went through",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_delivery(principal: NotificationsRead, delivery_id: str) -> NotificationDelivery:
    return await service.get_delivery(principal.account_id, delivery_id)
