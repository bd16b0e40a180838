"""Every query of the notifications domain: one user's notifications in one account."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.notification import Notification
from shared.utilities.repository import TenantRepository

UNREAD = {"read_at": None}


class UserNotifications(TenantRepository[Notification]):
    """One user's notifications in one account; another user's answers 404 like a missing one."""

    noun = "Notification"

    def __init__(self, account_id: str | PydanticObjectId, user_id: str | PydanticObjectId) -> None:
        super().__init__(Notification, account_id)
        self.user_id = PydanticObjectId(user_id)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "user_id": self.user_id}

    async def mark_all_read(self) -> int:
        """How many were unread."""
        now = utc_now()
        result = await Notification.get_motor_collection().update_many(
            self.scoped(UNREAD), {"$set": {"read_at": now, "updated_at": now}}
        )
        return result.modified_count
