"""/v1/scheduling/schedules: users' availability schedules (signed in)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.scheduling.auth import SchedulingRead, SchedulingWrite
from internal_api.scheduling.availability import service
from internal_api.scheduling.availability.repository import Schedules
from internal_api.scheduling.availability.schemas import (
    ScheduleCreate,
    ScheduleRead,
    ScheduleUpdate,
)
from internal_api.scheduling.errors import NotYourSchedule, ScheduleInUse
from shared.domain.accounts.users import NotAccountUsers
from shared.models.availability_schedule import AvailabilitySchedule
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/scheduling/schedules", tags=["scheduling"])

SchedulePaging = Annotated[PageParams, Depends(sorted_by(Schedules.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=ScheduleRead,
    summary="Make an availability schedule",
    description="Weekly hours as wall-clock times (`09:00` to `17:00`, `24:00` for midnight) "
    "in an IANA time zone, each on 5-minute steps and apart from the day's others; date "
    "overrides (a date's own hours, or none); holidays. Yours by default; another user's "
    "(of the account) for owners and admins.",
    responses=error_responses(*SIGNED_IN, InvalidInput, NotAccountUsers, NotYourSchedule),
)
async def create_schedule(body: ScheduleCreate, principal: SchedulingWrite) -> AvailabilitySchedule:
    return await service.create_schedule(principal, body)


@router.get(
    "",
    response_model=Page[ScheduleRead],
    summary="The account's availability schedules",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_schedules(
    principal: SchedulingRead,
    paging: SchedulePaging,
    user_id: Annotated[str | None, Query(max_length=64, description="one user's")] = None,
) -> Page[AvailabilitySchedule]:
    return await service.list_schedules(principal, paging, user_id)


@router.get(
    "/{schedule_id}",
    response_model=ScheduleRead,
    summary="One availability schedule",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_schedule(schedule_id: str, principal: SchedulingRead) -> AvailabilitySchedule:
    return await service.get_schedule(principal, schedule_id)


@router.patch(
    "/{schedule_id}",
    response_model=ScheduleRead,
    summary="Change an availability schedule",
    description="Only the fields sent change; the slots offered follow at once.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, NotYourSchedule),
)
async def update_schedule(
    schedule_id: str, body: ScheduleUpdate, principal: SchedulingWrite
) -> AvailabilitySchedule:
    return await service.update_schedule(principal, schedule_id, body)


@router.delete(
    "/{schedule_id}",
    status_code=204,
    summary="Delete an availability schedule",
    description="409 `schedule_in_use` while an event type books its host by it.",
    responses=error_responses(*SIGNED_IN, NotFound, NotYourSchedule, ScheduleInUse),
)
async def delete_schedule(schedule_id: str, principal: SchedulingWrite) -> Response:
    await service.delete_schedule(principal, schedule_id)
    return Response(status_code=204)
