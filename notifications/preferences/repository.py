"""The account's users' notification preferences."""

from beanie import PydanticObjectId

from shared.models.notification_preference import NotificationPreference
from shared.utilities.repository import TenantRepository


class PreferenceRepository(TenantRepository[NotificationPreference]):
    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(NotificationPreference, account_id)

    async def of_user(self, user_id: str) -> NotificationPreference | None:
        return await self.find_one({"user_id": user_id})
