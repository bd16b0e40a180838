"""Every query of the bookings' routes; the domain's `BookingRepository` holds the rest."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.domain.scheduling.repository import BookingRepository
from shared.models.booking import Booking, BookingStatus
from shared.utilities.pagination import Page, PageParams


class Bookings(BookingRepository):
    async def listed(
        self,
        params: PageParams,
        *,
        status: BookingStatus | None = None,
        event_type_id: PydanticObjectId | None = None,
        host_id: PydanticObjectId | None = None,
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
    ) -> Page[Booking]:
        filters: dict[str, Any] = {}
        if status:
            filters["status"] = status.value
        if event_type_id:
            filters["event_type_id"] = event_type_id
        if host_id:
            filters["host_ids"] = host_id
        span = {"$gte": starts_from, "$lt": starts_before}
        if span := {bound: moment for bound, moment in span.items() if moment}:
            filters["start_at"] = span
        return await self.paginate(params, filters)
