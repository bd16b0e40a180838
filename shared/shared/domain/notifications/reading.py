"""Marking a user's notifications read, from the notifications center or the general socket;
the user's every connection is told (`notifications:read`, through the caller's outbox), so
each tab's badge agrees."""

from typing import Any

from shared.domain.notifications.repository import UserNotifications
from shared.models.base import utc_now
from shared.models.notification import Notification
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, user_room


async def mark_read(
    notifications: UserNotifications, notification_id: str
) -> tuple[Notification, bool]:
    """The notification, and whether this call marked it read: reading one already read keeps
    its first `read_at` and tells nobody."""
    notification = await notifications.get(notification_id)
    if notification.read_at is not None:
        return notification, False
    notification.read_at = utc_now()
    await notification.save()
    announce_read(notifications, {"ids": [str(notification.id)]})
    return notification, True


async def mark_all_read(notifications: UserNotifications) -> int:
    """How many this call marked read."""
    count = await notifications.mark_all_read()
    if count:
        announce_read(notifications, {"all": True})
    return count


def announce_read(notifications: UserNotifications, which: dict[str, Any]) -> None:
    emit(Socket.GENERAL, "notifications:read", which, user_room(notifications.user_id))
