"""Platform-wide announcements: published by an operator, pushed at once to every dashboard
user connected to the general socket (`announcement:new`, in the platform's room), listed for
everyone else, posted to the platform's Beamer by the queue manager (`beamer.post`), and
withdrawn (`announcement:withdrawn`, no longer listed). The pushes and the post leave with the
request's outbox, so nothing is pushed or posted for a publication that failed."""

from beanie import PydanticObjectId

from internal_api.admin import audit, repository
from internal_api.admin.errors import AlreadyWithdrawn
from internal_api.admin.schemas import AnnouncementCreate, AnnouncementRead
from shared.models.admin_audit_entry import AdminAction
from shared.models.announcement import Announcement
from shared.models.base import utc_now
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.outbox import emit, enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.realtime import PLATFORM_ROOM, Socket
from shared.utilities.task_names import BEAMER_POST


async def publish(operator: Principal, body: AnnouncementCreate) -> Announcement:
    announcement = await Announcement(
        title=body.title,
        body=body.body,
        link_url=str(body.link_url) if body.link_url else None,
        published_by=PydanticObjectId(operator.sub),
        published_at=utc_now(),
    ).insert()
    await audit.record(
        operator,
        AdminAction.ANNOUNCEMENT_PUBLISHED,
        ("announcement", announcement.id),
        body.reason,
        details={"title": announcement.title},
    )
    event = AnnouncementRead.model_validate(announcement).model_dump(mode="json")
    emit(Socket.GENERAL, "announcement:new", event, PLATFORM_ROOM)
    enqueue_job(BEAMER_POST, announcement_id=str(announcement.id))
    return announcement


async def withdraw(operator: Principal, announcement_id: str, reason: str) -> None:
    announcement = await repository.announcement(announcement_id)
    if announcement is None:
        raise NotFound(f"Announcement {announcement_id} does not exist.")
    assert announcement.id is not None, "a stored announcement"
    if not await repository.withdraw(announcement.id, utc_now()):
        raise AlreadyWithdrawn()
    await audit.record(
        operator, AdminAction.ANNOUNCEMENT_WITHDRAWN, ("announcement", announcement.id), reason
    )
    emit(Socket.GENERAL, "announcement:withdrawn", {"id": str(announcement.id)}, PLATFORM_ROOM)


async def current(params: PageParams) -> Page[Announcement]:
    """Those not withdrawn, newest first."""
    return await repository.current_announcements(params)
