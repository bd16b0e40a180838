"""An account's own templates."""

from beanie import PydanticObjectId

from shared.models.notification_template import Channel, NotificationTemplate
from shared.utilities.repository import TenantRepository


class TemplateRepository(TenantRepository[NotificationTemplate]):
    noun = "Template"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(NotificationTemplate, account_id)

    async def for_event(self, event: str, channel: Channel) -> NotificationTemplate | None:
        return await self.find_one({"event": event, "channel": channel})
