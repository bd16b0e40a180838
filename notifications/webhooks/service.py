"""Provider status reports applied to the delivery log, found by the provider's message id.

Reports come out of order (an `open` before its `delivered`), so a status only moves forward:
every report is kept in the history, but a later stage is never replaced by an earlier one.
A report for a message we do not know (sent by another system on the same account) is
ignored. A recipient unsubscribing or reporting spam at the provider has marketing email
turned off, as with our own unsubscribe link.
"""

import json
from typing import Any

from notifications.deliveries.repository import AllDeliveries
from notifications.preferences.service import unsubscribe_from_marketing
from notifications.webhooks.errors import InvalidEvents
from shared.models.notification_delivery import DeliveryStatus, StatusChange

STAGE = {
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.OPENED: 3,
    DeliveryStatus.CLICKED: 4,
    DeliveryStatus.FAILED: 5,
    DeliveryStatus.BOUNCED: 5,
    DeliveryStatus.UNSUBSCRIBED: 6,
    DeliveryStatus.SPAM_REPORT: 6,
}

OPTED_OUT = {DeliveryStatus.UNSUBSCRIBED, DeliveryStatus.SPAM_REPORT}

# SendGrid's event types; `processed` and `deferred` are kept in the history only.
SENDGRID_EVENTS = {
    "delivered": DeliveryStatus.DELIVERED,
    "open": DeliveryStatus.OPENED,
    "click": DeliveryStatus.CLICKED,
    "bounce": DeliveryStatus.BOUNCED,
    "dropped": DeliveryStatus.FAILED,
    "spamreport": DeliveryStatus.SPAM_REPORT,
    "unsubscribe": DeliveryStatus.UNSUBSCRIBED,
    "group_unsubscribe": DeliveryStatus.UNSUBSCRIBED,
}

# Twilio's MessageStatus values; queued, sending, accepted and scheduled say nothing new.
TWILIO_STATUSES = {
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.OPENED,
    "undelivered": DeliveryStatus.FAILED,
    "failed": DeliveryStatus.FAILED,
}


async def apply_report(
    provider: str, message_ids: list[str], status: DeliveryStatus | None, detail: str
) -> None:
    """Records the report on the delivery with one of the message ids, if one has."""
    delivery = await AllDeliveries.by_provider_message(provider, message_ids)
    if delivery is None:
        return
    if status and STAGE.get(status, 0) >= STAGE.get(delivery.status, 0):
        if status in (DeliveryStatus.FAILED, DeliveryStatus.BOUNCED):
            delivery.reason = detail
        delivery.record(status, detail)
        if status in OPTED_OUT and delivery.marketing and delivery.user_id:
            await unsubscribe_from_marketing(str(delivery.account_id), delivery.user_id)
    else:
        # Kept for the record; the status stays where it got to.
        delivery.history.append(StatusChange(status=delivery.status, detail=f"reported: {detail}"))
    await delivery.save()


def sendgrid_events(body: bytes) -> list[dict[str, Any]]:
    """The events of a verified SendGrid body: a JSON list of objects."""
    try:
        events = json.loads(body)
    except (ValueError, RecursionError):
        raise InvalidEvents("The body is not JSON.") from None
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise InvalidEvents("The body is not a list of events.")
    return events


async def apply_sendgrid_events(events: list[dict[str, Any]]) -> None:
    """Each event's `sg_message_id` is the `X-Message-Id` the send answered, followed by
    `.filter...` parts; as the id itself may hold dots, each dotted prefix is a candidate."""
    for event in events:
        parts = str(event.get("sg_message_id", "")).split(".")
        candidates = [".".join(parts[:end]) for end in range(1, len(parts) + 1)]
        kind = str(event.get("event", ""))
        if not parts[0] or not kind:
            continue
        detail = " ".join(
            part for part in (kind, str(event.get("reason") or event.get("response") or "")) if part
        )
        await apply_report("sendgrid", candidates, SENDGRID_EVENTS.get(kind), detail)


async def apply_twilio_status(form: dict[str, str]) -> None:
    status = form.get("MessageStatus", "")
    detail = status
    if form.get("ErrorCode"):
        detail = f"{status} (error {form['ErrorCode']})"
    await apply_report("twilio", [form.get("MessageSid", "")], TWILIO_STATUSES.get(status), detail)
