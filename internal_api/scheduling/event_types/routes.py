"""/v1/scheduling/event-types: what visitors book (signed in)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.scheduling.auth import SchedulingRead, SchedulingWrite
from internal_api.scheduling.errors import InvalidHosts
from internal_api.scheduling.event_types import service
from internal_api.scheduling.event_types.repository import EventTypeRepository
from internal_api.scheduling.event_types.schemas import (
    EventTypeCreate,
    EventTypeRead,
    EventTypeUpdate,
)
from shared.models.event_type import EventType
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/scheduling/event-types", tags=["scheduling"])

EventTypePaging = Annotated[PageParams, Depends(sorted_by(EventTypeRepository.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=EventTypeRead,
    summary="Make an event type",
    description="A meeting of `duration_minutes` with its host (`one_on_one`), whichever host "
    "is free, the least booked first (`round_robin`), or every host at once (`collective`), "
    "each host a user of the account booked by one of their own schedules. Minutes on "
    "5-minute steps; buffers keep the hosts free around each meeting; no slot sooner than "
    "`min_notice_minutes` nor later than `booking_window_days`; at most `max_per_day` "
    "bookings per host and day; reminders `reminder_minutes` before, by email (and SMS).",
    responses=error_responses(*SIGNED_IN, InvalidInput, InvalidHosts),
)
async def create_event_type(body: EventTypeCreate, principal: SchedulingWrite) -> EventType:
    return await service.create_event_type(principal, body)


@router.get(
    "",
    response_model=Page[EventTypeRead],
    summary="The account's event types",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_event_types(
    principal: SchedulingRead,
    paging: EventTypePaging,
    archived: Annotated[bool, Query(description="the archived ones instead")] = False,
) -> Page[EventType]:
    return await service.list_event_types(principal, paging, archived)


@router.get(
    "/{event_type_id}",
    response_model=EventTypeRead,
    summary="One event type",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_event_type(event_type_id: str, principal: SchedulingRead) -> EventType:
    return await service.get_event_type(principal, event_type_id)


@router.patch(
    "/{event_type_id}",
    response_model=EventTypeRead,
    summary="Change an event type",
    description="Only the fields sent change; bookings made keep what they were made with.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, InvalidHosts),
)
async def update_event_type(
    event_type_id: str, body: EventTypeUpdate, principal: SchedulingWrite
) -> EventType:
    return await service.update_event_type(principal, event_type_id, body)


@router.delete(
    "/{event_type_id}",
    status_code=204,
    summary="Archive an event type",
    description="Kept with its bookings; its public pages answer 404 from now on.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def archive_event_type(event_type_id: str, principal: SchedulingWrite) -> Response:
    await service.archive_event_type(principal, event_type_id)
    return Response(status_code=204)
