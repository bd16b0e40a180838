"""Every query of the schedules' own routes; the domain's `ScheduleRepository` holds the
rest."""

from beanie import PydanticObjectId

from shared.domain.scheduling.repository import ScheduleRepository
from shared.models.availability_schedule import AvailabilitySchedule
from shared.models.event_type import EventType
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


class Schedules(ScheduleRepository):
    async def listed(
        self, params: PageParams, user_id: PydanticObjectId | None
    ) -> Page[AvailabilitySchedule]:
        filters = {"user_id": user_id} if user_id else {}
        return await self.paginate(params, filters)

    async def in_use(self, schedule_id: PydanticObjectId) -> bool:
        """Whether a live event type books a host by it."""
        event_types = TenantRepository(EventType, self.account_id)
        return await event_types.count({"hosts.schedule_id": schedule_id, "archived_at": None}) > 0
