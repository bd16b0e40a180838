"""/v1/admin/announcements: operators publish and withdraw platform-wide announcements;
/v1/announcements: every signed-in user lists them (pushed live as `announcement:new`)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.admin import announcements
from internal_api.admin.auth import Operator
from internal_api.admin.errors import AlreadyWithdrawn, OperatorOnly
from internal_api.admin.schemas import AnnouncementCreate, AnnouncementRead, ReasonGiven
from shared.models.announcement import Announcement
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

operators_router = APIRouter(prefix="/v1/admin/announcements", tags=["admin"])
router = APIRouter(prefix="/v1/announcements", tags=["announcements"])

AnnouncementPaging = Annotated[PageParams, Depends(sorted_by(["published_at"], "-published_at"))]
OPERATORS = (Unauthorized, OperatorOnly)


@operators_router.post(
    "",
    status_code=201,
    response_model=AnnouncementRead,
    summary="Publish an announcement to every user of the platform",
    description="Pushed at once to every dashboard connected to the general socket "
    "(`announcement:new`) and listed at `GET /v1/announcements` until withdrawn.",
    responses=error_responses(*OPERATORS, InvalidInput),
)
async def publish(body: AnnouncementCreate, operator: Operator) -> Announcement:
    return await announcements.publish(operator, body)


@operators_router.post(
    "/{announcement_id}/withdraw",
    status_code=204,
    summary="Withdraw an announcement",
    description="No longer listed; connected dashboards are told (`announcement:withdrawn`).",
    responses=error_responses(*OPERATORS, NotFound, AlreadyWithdrawn),
)
async def withdraw(announcement_id: str, body: ReasonGiven, operator: Operator) -> Response:
    await announcements.withdraw(operator, announcement_id, body.reason)
    return Response(status_code=204)


@router.get(
    "",
    response_model=Page[AnnouncementRead],
    summary="The platform's announcements, newest first",
    responses=error_responses(Unauthorized, InvalidInput),
)
async def list_announcements(user: CurrentUser, paging: AnnouncementPaging) -> Page[Announcement]:
    return await announcements.current(paging)
