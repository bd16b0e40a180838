"""Every query of the Beamer integration: the platform's announcements (not a tenant's)."""

from beanie import PydanticObjectId

from shared.models.announcement import Announcement


async def announcement(announcement_id: str) -> Announcement | None:
    return await Announcement.get(PydanticObjectId(announcement_id))
