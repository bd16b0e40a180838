"""Asking for a notification: who it is for, what it says, whether and when it may go.

The request resolves the recipient (`recipients`), renders the template (the event's, or the
library's email a send names: `templates.library`) with the account's branding and time zone,
applies the recipient's preferences, counts the send against the account's daily limit
(`limits`) and stores the delivery: `queued` (handed to its send once the request succeeds),
`deferred` (quiet hours), `suppressed` (opted out, or a push to a user with no device) or
`failed` (the template went over a limit with this data). A refused request stores and sends
nothing.
"""

from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId
from redis.asyncio import Redis

from notifications.deliveries.dispatch import Dispatcher
from notifications.deliveries.errors import AccountRequired, MarketingNeedsUser, NotYourAccount
from notifications.deliveries.limits import DailyCount, daily_limit
from notifications.deliveries.metering import store_charged
from notifications.deliveries.recipients import Recipient, recipient_of
from notifications.deliveries.repository import DeliveryRepository
from notifications.deliveries.schemas import DeliveryCreate
from notifications.preferences.service import SEND_NOW, Decision, decide, preference_of
from notifications.settings import NotificationsSettings
from notifications.templates.defaults import TemplateSource
from notifications.templates.errors import TemplateOverLimit
from notifications.templates.library import library_email
from notifications.templates.rendering import Rendered, TemplateRenderer, brand_of, context_for
from notifications.templates.service import account_of, require_variables, template_for
from notifications.unsubscribe.service import unsubscribe_headers, unsubscribe_url
from shared.domain.accounts.locale import locale_of
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.notification_delivery import (
    DeliveryStatus,
    EmailAttachment,
    NotificationDelivery,
)
from shared.models.notification_template import Channel
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id

WILL_BE_SENT = (DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED)
NO_DEVICE = Decision(DeliveryStatus.SUPPRESSED, "the user has no device registered for push")


@dataclass(frozen=True)
class SendContext:
    """What a send needs besides its request."""

    settings: NotificationsSettings
    redis: Redis
    renderer: TemplateRenderer
    dispatcher: Dispatcher


def account_id_for(principal: Principal, asked: str | None) -> str:
    """A user sends for their active account; a service names the account it sends for."""
    if principal.kind is TokenKind.SERVICE:
        if not asked or object_id(asked) is None:
            raise AccountRequired()
        return asked
    if asked and asked != principal.account_id:
        raise NotYourAccount()
    return principal.account_id


async def send(
    context: SendContext, principal: Principal, channel: Channel, body: DeliveryCreate
) -> NotificationDelivery:
    delivery = await request_delivery(context, principal, channel, body)
    if delivery.status is DeliveryStatus.QUEUED:
        context.dispatcher.dispatch(str(delivery.id))
    return delivery


async def request_delivery(
    context: SendContext, principal: Principal, channel: Channel, body: DeliveryCreate
) -> NotificationDelivery:
    settings = context.settings
    account = await account_of(account_id_for(principal, body.account_id))
    account_id = str(account.id)
    recipient = await recipient_of(
        principal, PydanticObjectId(account_id), channel, body, settings.sms_allowed_countries
    )
    source = await source_for(account, channel, body)
    require_variables(source, body.data)
    marketing = source.marketing and channel == Channel.EMAIL
    link = unsubscribe_link(settings, account_id, recipient) if marketing else ""
    delivery = NotificationDelivery(
        account_id=account.id,
        channel=channel,
        event=body.event,
        user_id=recipient.user_id,
        contact_id=recipient.contact_id,
        to=recipient.to,
        devices=list(recipient.devices or ()),
        text="",
        from_name=settings.email_from_name or brand_of(account)["name"],
        headers=unsubscribe_headers(link) if marketing else {},
        attachments=[
            EmailAttachment(**attachment.model_dump())
            for attachment in getattr(body, "attachments", [])
        ],
        marketing=marketing,
        sensitive=source.sensitive,
        urgent=body.urgent,
        requested_by=principal.sub,
    )
    try:
        rendered = await render(context, source, account, body.data, link)
    except TemplateOverLimit as error:
        delivery.reason = error.message
        delivery.record(DeliveryStatus.FAILED, error.message)
        return await delivery.insert()
    fill(delivery, rendered, body.data)
    decide_for(delivery, await decision_for(account_id, channel, recipient, body, marketing))
    return await store_counted(context, delivery)


async def source_for(account: Account, channel: Channel, body: DeliveryCreate) -> TemplateSource:
    """The library's email the send names (`template_id`), else the event's template."""
    template_id = getattr(body, "template_id", None)
    if template_id:
        return await library_email(account, template_id)
    return await template_for(str(account.id), body.event, channel)


def unsubscribe_link(settings: NotificationsSettings, account_id: str, recipient: Recipient) -> str:
    """Marketing email carries the link that unsubscribes its recipient: a user."""
    if not recipient.user_id:
        raise MarketingNeedsUser()
    return unsubscribe_url(settings, account_id, recipient.user_id)


async def render(
    context: SendContext,
    source: TemplateSource,
    account: Account,
    data: dict[str, Any],
    unsubscribe_link: str,
) -> Rendered:
    time_zone = locale_of(account, context.settings).time_zone
    return await context.renderer.render(
        source, context_for(account, data, unsubscribe_link), time_zone
    )


def fill(delivery: NotificationDelivery, rendered: Rendered, data: dict[str, Any]) -> None:
    delivery.subject, delivery.text, delivery.html = rendered.subject, rendered.text, rendered.html
    if delivery.channel == Channel.PUSH:
        delivery.data = push_data(data)


def decide_for(delivery: NotificationDelivery, decision: Decision) -> None:
    delivery.reason = decision.reason
    delivery.send_after = decision.send_after
    delivery.record(decision.status, decision.reason)


async def store_counted(
    context: SendContext, delivery: NotificationDelivery
) -> NotificationDelivery:
    """Stores the delivery, counted against the daily limit and charged to the account's
    OneBalance wallet (`metering`) when it will be sent."""
    limit = daily_limit(context.settings, delivery.channel)
    will_be_sent = delivery.status in WILL_BE_SENT
    if limit is None or not will_be_sent:
        return await store_charged(delivery, will_be_sent)
    count = DailyCount(context.redis, str(delivery.account_id), delivery.channel, utc_now())
    await count.take(limit)
    try:
        return await store_charged(delivery, will_be_sent)
    except BaseException:
        await count.give_back()
        raise


async def decision_for(
    account_id: str, channel: Channel, recipient: Recipient, body: DeliveryCreate, marketing: bool
) -> Decision:
    """A user's preferences decide for them; other recipients get what is sent."""
    if recipient.has_no_device:
        return NO_DEVICE
    if not recipient.user_id:
        return SEND_NOW
    preference = await preference_of(account_id, recipient.user_id)
    return decide(
        preference, channel, body.event, marketing=marketing, urgent=body.urgent, now=utc_now()
    )


def push_data(data: dict[str, Any]) -> dict[str, str]:
    """The payload the app receives: FCM and Expo carry string values."""
    return {key: str(value) for key, value in data.items() if value is not None}


async def list_deliveries(
    account_id: str, params: PageParams, filters: dict[str, Any]
) -> Page[NotificationDelivery]:
    return await DeliveryRepository(account_id).paginate(params, filters)


async def get_delivery(account_id: str, delivery_id: str) -> NotificationDelivery:
    return await DeliveryRepository(account_id).get(delivery_id)
