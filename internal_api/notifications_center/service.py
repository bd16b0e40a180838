"""The notifications center: each user's notifications in their active account, newest first,
and marking them read. Another user's notification answers 404 like a missing one.

Any service tells a user something with `shared.models.notification.notify`: the notification
is stored and pushed to the user's room on the general socket (`notification:new`) once the
request or task asking for it has succeeded. Marking read is pushed too (`notifications:read`),
so the user's other tabs update their badge.
"""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.notification import Notification
from shared.utilities.auth import Principal
from shared.utilities.outbox import emit
from shared.utilities.pagination import Page, PageParams
from shared.utilities.realtime import Socket, user_room
from shared.utilities.repository import TenantRepository

UNREAD = {"read_at": None}


class UserNotifications(TenantRepository[Notification]):
    """One user's notifications in one account."""

    def __init__(self, account_id: str | PydanticObjectId, user_id: str | PydanticObjectId) -> None:
        super().__init__(Notification, account_id)
        self.user_id = PydanticObjectId(user_id)

    @classmethod
    def of(cls, principal: Principal) -> "UserNotifications":
        return cls(principal.account_id, principal.sub)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "user_id": self.user_id}


async def list_notifications(
    principal: Principal, params: PageParams, unread_only: bool
) -> Page[Notification]:
    return await UserNotifications.of(principal).paginate(params, UNREAD if unread_only else None)


async def unread_count(principal: Principal) -> int:
    return await UserNotifications.of(principal).count(UNREAD)


async def mark_read(principal: Principal, notification_id: str) -> Notification:
    """Reading one already read keeps its first `read_at`."""
    notification = await UserNotifications.of(principal).get(notification_id)
    if notification.read_at is None:
        notification.read_at = utc_now()
        await notification.save()
        announce_read(principal, {"ids": [str(notification.id)]})
    return notification


async def mark_all_read(principal: Principal) -> int:
    now = utc_now()
    result = await Notification.get_motor_collection().update_many(
        UserNotifications.of(principal).scoped(UNREAD),
        {"$set": {"read_at": now, "updated_at": now}},
    )
    if result.modified_count:
        announce_read(principal, {"all": True})
    return result.modified_count


def announce_read(principal: Principal, which: dict[str, Any]) -> None:
    emit(Socket.GENERAL, "notifications:read", which, user_room(principal.sub))
