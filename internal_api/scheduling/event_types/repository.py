"""Every query of the event types' routes."""

from beanie import PydanticObjectId

from shared.models.event_type import EventType
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


class EventTypeRepository(TenantRepository[EventType]):
    noun = "Event type"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(EventType, account_id)

    async def listed(self, params: PageParams, archived: bool) -> Page[EventType]:
        return await self.paginate(params, {"archived_at": {"$ne": None} if archived else None})
