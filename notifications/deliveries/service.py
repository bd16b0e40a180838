"""Asking for a notification: who it is for, what it says, whether and when it may go.

The request renders the template with the account's branding, applies the recipient's
preferences and stores the delivery: `queued` (to be sent), `deferred` (quiet hours) or
`suppressed` (opted out). Sending happens after the request (see `sending`).
"""

from typing import Any

from beanie import PydanticObjectId

from notifications.deliveries.schemas import DeliveryCreate
from notifications.preferences.service import SEND_NOW, Decision, decide, preference_of
from notifications.settings import NotificationsSettings
from notifications.templates.rendering import brand_of, render
from notifications.templates.service import account_of, template_for
from notifications.unsubscribe.service import unsubscribe_headers, unsubscribe_url
from shared.models.base import utc_now
from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_template import Channel
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import Forbidden, InvalidInput
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository, object_id


def account_id_for(principal: Principal, asked: str | None) -> str:
    """A user sends for their active account; a service names the account it sends for."""
    if principal.kind is TokenKind.SERVICE:
        if not asked or object_id(asked) is None:
            raise InvalidInput(
                "A service must name the account it sends for.",
                details=[{"field": "account_id", "message": "required for service callers"}],
            )
        return asked
    if asked and asked != principal.account_id:
        raise Forbidden("Users send notifications for their active account only.")
    return principal.account_id


async def request_delivery(
    settings: NotificationsSettings, principal: Principal, channel: Channel, body: DeliveryCreate
) -> NotificationDelivery:
    account = await account_of(account_id_for(principal, body.account_id))
    source = await template_for(account.id, body.event, channel)
    marketing = source.marketing and channel == Channel.EMAIL
    if marketing and not body.user_id:
        raise InvalidInput(
            "Marketing email needs the recipient's user_id, for its unsubscribe link.",
            details=[{"field": "user_id", "message": "required for marketing email"}],
        )
    link = unsubscribe_url(settings, str(account.id), body.user_id) if marketing else ""
    rendered = render(source, account, body.data, link)
    decision = await decision_for(account.id, channel, body, marketing)
    delivery = NotificationDelivery(
        account_id=account.id,
        channel=channel,
        event=body.event,
        user_id=body.user_id,
        to=body.to,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        data=push_data(body.data) if channel == Channel.PUSH else {},
        from_name=settings.email_from_name or brand_of(account)["name"],
        headers=unsubscribe_headers(link) if marketing else {},
        marketing=marketing,
        sensitive=source.sensitive,
        urgent=body.urgent,
        reason=decision.reason,
        send_after=decision.send_after,
        requested_by=principal.sub,
    )
    delivery.record(decision.status, decision.reason)
    return await delivery.insert()


async def decision_for(
    account_id: PydanticObjectId, channel: Channel, body: DeliveryCreate, marketing: bool
) -> Decision:
    """A user's preferences decide for them; other recipients get what is sent."""
    if not body.user_id:
        return SEND_NOW
    preference = await preference_of(account_id, body.user_id)
    return decide(
        preference, channel, body.event, marketing=marketing, urgent=body.urgent, now=utc_now()
    )


def push_data(data: dict[str, Any]) -> dict[str, str]:
    """The payload the app receives: FCM and Expo carry string values."""
    return {key: str(value) for key, value in data.items() if value is not None}


def deliveries_of(account_id: str) -> TenantRepository[NotificationDelivery]:
    return TenantRepository(NotificationDelivery, account_id)


async def list_deliveries(
    account_id: str, params: PageParams, filters: dict[str, Any]
) -> Page[NotificationDelivery]:
    return await deliveries_of(account_id).paginate(params, filters)


async def get_delivery(account_id: str, delivery_id: str) -> NotificationDelivery:
    return await deliveries_of(account_id).get(delivery_id)
