"""Reading and changing a user's preferences, and what they decide for one notification.

Quiet hours defer, not drop: a non-urgent notification asked for during them is stored
`deferred` and sent when they end (urgent ones, such as password resets, go through).
Channel and event opt-outs, and marketing email once unsubscribed, suppress: the delivery is
logged `suppressed` with the reason and never sent.
"""

from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from notifications.preferences.quiet_hours import quiet_until
from notifications.preferences.repository import PreferenceRepository
from notifications.preferences.schemas import PreferenceUpdate
from shared.models.notification_delivery import DeliveryStatus
from shared.models.notification_preference import NotificationPreference
from shared.models.notification_template import Channel
from shared.utilities.errors import Conflict


@dataclass(frozen=True)
class Decision:
    status: DeliveryStatus  # queued, deferred or suppressed
    reason: str = ""
    send_after: datetime | None = None


SEND_NOW = Decision(DeliveryStatus.QUEUED)


async def preference_of(account_id: str | PydanticObjectId, user_id: str) -> NotificationPreference:
    """The stored preferences, or the defaults (everything on) unsaved."""
    repository = PreferenceRepository(account_id)
    found = await repository.of_user(user_id)
    return found or NotificationPreference(account_id=repository.account_id, user_id=user_id)


async def update_preference(
    account_id: str, user_id: str, changes: PreferenceUpdate
) -> NotificationPreference:
    preference = await preference_of(account_id, user_id)
    given = changes.model_fields_set
    if changes.channels is not None:
        preference.channels = {**preference.channels, **changes.channels}
    if changes.events is not None:
        for event, channels in changes.events.items():
            preference.events[event] = {**preference.events.get(event, {}), **channels}
    if changes.marketing_email is not None:
        preference.marketing_email = changes.marketing_email
    if "quiet_hours" in given:
        preference.quiet_hours = changes.quiet_hours
    await save(preference)
    return preference


async def unsubscribe_from_marketing(account_id: str, user_id: str) -> None:
    preference = await preference_of(account_id, user_id)
    preference.marketing_email = False
    await save(preference)


async def save(preference: NotificationPreference) -> None:
    if preference.id:
        await preference.save()
        return
    try:
        await preference.insert()
    except DuplicateKeyError:
        raise Conflict(
            "These preferences were created by another request at the same moment; try again."
        ) from None


def decide(
    preference: NotificationPreference,
    channel: Channel,
    event: str,
    *,
    marketing: bool,
    urgent: bool,
    now: datetime,
) -> Decision:
    if not preference.channels.get(channel, True):
        return Decision(DeliveryStatus.SUPPRESSED, f"the recipient turned {channel} off")
    if not preference.events.get(event, {}).get(channel, True):
        return Decision(DeliveryStatus.SUPPRESSED, f"the recipient turned {event} off on {channel}")
    if marketing and channel == Channel.EMAIL and not preference.marketing_email:
        return Decision(DeliveryStatus.SUPPRESSED, "the recipient unsubscribed from marketing")
    if preference.quiet_hours and not urgent:
        until = quiet_until(preference.quiet_hours, now)
        if until:
            return Decision(DeliveryStatus.DEFERRED, "the recipient's quiet hours", until)
    return SEND_NOW
