"""/v1/scheduling/bookings: the account's bookings (signed in)."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.dependencies import Settings
from internal_api.scheduling.auth import SchedulingRead, SchedulingWrite
from internal_api.scheduling.bookings import service
from internal_api.scheduling.bookings.repository import Bookings
from internal_api.scheduling.bookings.schemas import CancelBody
from shared.domain.scheduling.errors import BookingClosed, MeetingNotBegun
from shared.domain.scheduling.schemas import BookingRead
from shared.models.booking import Booking, BookingStatus
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/scheduling/bookings", tags=["scheduling"])

BookingPaging = Annotated[PageParams, Depends(sorted_by(Bookings.sortable, "start_at"))]
Id = Annotated[str | None, Query(max_length=64)]


@router.get(
    "",
    response_model=Page[BookingRead],
    summary="The account's bookings, soonest first",
    description="Times in UTC, with the zone the invitee booked in (`time_zone`).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_bookings(
    principal: SchedulingRead,
    paging: BookingPaging,
    status: Annotated[BookingStatus | None, Query()] = None,
    event_type_id: Id = None,
    host_id: Id = None,
    starts_from: Annotated[datetime | None, Query(alias="from")] = None,
    starts_before: Annotated[datetime | None, Query(alias="to")] = None,
) -> Page[Booking]:
    return await service.list_bookings(
        principal,
        paging,
        status=status,
        event_type_id=event_type_id,
        host_id=host_id,
        starts_from=starts_from,
        starts_before=starts_before,
    )


@router.get(
    "/{booking_id}",
    response_model=BookingRead,
    summary="One booking",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_booking(booking_id: str, principal: SchedulingRead) -> Booking:
    return await service.get_booking(principal, booking_id)


@router.post(
    "/{booking_id}/cancel",
    response_model=BookingRead,
    summary="Cancel a booking",
    description="Its time is free again; the invitee gets a cancellation with a calendar file "
    "removing the event. 409 `booking_closed` once cancelled, moved or begun.",
    responses=error_responses(*SIGNED_IN, NotFound, BookingClosed),
)
async def cancel_booking(
    booking_id: str, body: CancelBody, principal: SchedulingWrite, settings: Settings
) -> Booking:
    return await service.cancel_booking(principal, booking_id, body.reason, settings)


@router.post(
    "/{booking_id}/complete",
    response_model=BookingRead,
    summary="Mark a booking's meeting completed",
    description="Fires the account's `appointment.completed` automations on its contact, once "
    "(the booking_reminders sweep completes an ended meeting itself). 409 `meeting_not_begun` "
    "before its start, `booking_closed` once cancelled, moved, completed or a no-show.",
    responses=error_responses(*SIGNED_IN, NotFound, BookingClosed, MeetingNotBegun),
)
async def complete_booking(booking_id: str, principal: SchedulingWrite) -> Booking:
    return await service.mark_booking(principal, booking_id, BookingStatus.COMPLETED)


@router.post(
    "/{booking_id}/no-show",
    response_model=BookingRead,
    summary="Mark a booking's invitee a no-show",
    description="Fires nothing, and the sweep no longer completes it. 409 `meeting_not_begun` "
    "before its start, `booking_closed` once cancelled, moved, completed or a no-show.",
    responses=error_responses(*SIGNED_IN, NotFound, BookingClosed, MeetingNotBegun),
)
async def mark_no_show(booking_id: str, principal: SchedulingWrite) -> Booking:
    return await service.mark_booking(principal, booking_id, BookingStatus.NO_SHOW)
