"""/v1/scheduling/public/*: an event type's booking page without a session, from any website
(or those it allows): its definition, its slots for the visitor's dates and time zone, a
booking made; and a booking viewed, cancelled or moved through the signed link its emails
carry. Every route is rate-limited per visitor address (and per event type where one is
named) by the public layer."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Response

from internal_api.dependencies import Settings
from internal_api.fields import TimeZone
from internal_api.public.cors import ANY_ORIGIN, PublicCors
from internal_api.public.errors import OriginNotAllowed
from internal_api.public.limits import rate_limited
from internal_api.scheduling.calendar import BusyCalendars
from internal_api.scheduling.public import service
from internal_api.scheduling.public.schemas import (
    BookingAccepted,
    BookingCreate,
    CancelBody,
    PublicBookingRead,
    PublicEventTypeRead,
    RescheduleBody,
    SlotsRead,
)
from shared.domain.scheduling.errors import (
    BookingClosed,
    BookingLinkNotValid,
    CalendarUnavailable,
    EventTypeNotFound,
    SlotTaken,
    SlotUnavailable,
)
from shared.utilities.errors import InvalidInput, RateLimited, error_responses

router = APIRouter(prefix="/v1/scheduling/public", tags=["scheduling"])

EventTypeId = Annotated[str, Path(max_length=64)]
Token = Annotated[str, Path(max_length=2000)]
PAGE_ERRORS = (EventTypeNotFound, OriginNotAllowed, RateLimited)
BOOKING_ERRORS = (SlotUnavailable, SlotTaken, CalendarUnavailable, InvalidInput)
LINK_ERRORS = (BookingLinkNotValid, RateLimited)


@router.get(
    "/event-types/{event_type_id}",
    response_model=PublicEventTypeRead,
    summary="An event type's booking page (no session)",
    description="Its name, length, kind of location and questions; never its video link nor "
    "its hosts' schedules. An archived or inactive one answers 404.",
    dependencies=[Depends(rate_limited("booking-page", key_from="event_type_id"))],
    responses=error_responses(*PAGE_ERRORS),
)
async def read_event_type(event_type_id: EventTypeId, cors: PublicCors) -> PublicEventTypeRead:
    event_type = await service.public_event_type(event_type_id)
    cors.admit(event_type.allowed_origins)
    return await service.page_of(event_type)


@router.get(
    "/event-types/{event_type_id}/slots",
    response_model=SlotsRead,
    summary="An event type's free slots for a range of dates (no session)",
    description="Each date from `from` to `to` in the visitor's `time_zone`, with the slots "
    "starting that day there: `start_at` in UTC and `local_start` in the visitor's zone, "
    "computed on each host's own zone with its daylight-saving changes. Hosts' bookings in "
    "any account and their Google Calendar busy times (when the account connected it) are "
    "left out; 503 `calendar_unavailable` when Google cannot be read.",
    dependencies=[Depends(rate_limited("booking-slots", key_from="event_type_id"))],
    responses=error_responses(*PAGE_ERRORS, InvalidInput, CalendarUnavailable),
)
async def read_slots(
    event_type_id: EventTypeId,
    first: Annotated[date, Query(alias="from")],
    last: Annotated[date, Query(alias="to")],
    time_zone: Annotated[TimeZone, Query()],
    cors: PublicCors,
    busy: BusyCalendars,
    settings: Settings,
) -> SlotsRead:
    event_type = await service.public_event_type(event_type_id)
    cors.admit(event_type.allowed_origins)
    return await service.slots(event_type, first, last, time_zone, busy, settings.booking_slot_days)


@router.options(
    "/event-types/{event_type_id}/bookings",
    status_code=204,
    summary="CORS preflight of a booking",
    responses=error_responses(EventTypeNotFound, OriginNotAllowed),
)
async def booking_preflight(event_type_id: EventTypeId, cors: PublicCors) -> Response:
    event_type = await service.public_event_type(event_type_id)
    return cors.preflight(event_type.allowed_origins, ["POST"])


@router.post(
    "/event-types/{event_type_id}/bookings",
    status_code=201,
    response_model=BookingAccepted,
    summary="Book a slot (no session)",
    description="Checked before anything is written: the answers (422 naming each), the start "
    "(422 `slot_unavailable` when it is no slot of the event type; 409 `slot_taken` when "
    "someone booked it meanwhile: of two visitors booking one slot at once, exactly one "
    "wins and the other's request writes nothing). Then the contact is made or completed, the "
    "lead recorded (source `booking`), and the invitee mailed a confirmation with a calendar "
    "file. The same client booking id (`Idempotency-Key`, or `client_booking_id`) answers the "
    "first booking and makes nothing. The answer's `token` is the booking's link.",
    dependencies=[Depends(rate_limited("booking", key_from="event_type_id"))],
    responses=error_responses(*PAGE_ERRORS, *BOOKING_ERRORS),
)
async def book(
    event_type_id: EventTypeId,
    body: BookingCreate,
    cors: PublicCors,
    busy: BusyCalendars,
    settings: Settings,
    idempotency_key: Annotated[str | None, Header(max_length=100)] = None,
) -> BookingAccepted:
    event_type = await service.public_event_type(event_type_id)
    cors.admit(event_type.allowed_origins)
    booked = await service.book(event_type_id, body, idempotency_key, busy, settings)
    return await service.accepted(booked.booking, settings)


@router.get(
    "/bookings/{token}",
    response_model=PublicBookingRead,
    summary="A booking, through its link (no session)",
    description="A forged, altered or expired link answers 404 `booking_link_not_valid`.",
    dependencies=[Depends(rate_limited("booking-link"))],
    responses=error_responses(*LINK_ERRORS),
)
async def read_booking(token: Token, cors: PublicCors, settings: Settings) -> PublicBookingRead:
    cors.admit(ANY_ORIGIN)  # the link is the secret
    return await service.shown(await service.by_token(token, settings))


@router.options(
    "/bookings/{token}/{action}",
    status_code=204,
    summary="CORS preflight of a cancel or a move",
    responses=error_responses(OriginNotAllowed),
)
async def link_preflight(token: Token, action: str, cors: PublicCors) -> Response:
    return cors.preflight(ANY_ORIGIN, ["POST"])


@router.post(
    "/bookings/{token}/cancel",
    response_model=PublicBookingRead,
    summary="Cancel a booking through its link (no session)",
    description="Its time is free again; the invitee and the hosts are told. 409 "
    "`booking_closed` once it is cancelled, moved or has begun.",
    dependencies=[Depends(rate_limited("booking-link"))],
    responses=error_responses(*LINK_ERRORS, BookingClosed),
)
async def cancel_booking(
    token: Token, body: CancelBody, cors: PublicCors, settings: Settings
) -> PublicBookingRead:
    cors.admit(ANY_ORIGIN)
    return await service.shown(await service.cancel_by_token(token, body.reason, settings))


@router.post(
    "/bookings/{token}/reschedule",
    response_model=BookingAccepted,
    summary="Move a booking to another slot through its link (no session)",
    description="Checked and held like a new booking (422 `slot_unavailable`, 409 `slot_taken`: "
    "nothing changes); the booking is then closed as `rescheduled` and the answer is the new "
    "one, with its own link. The invitee's calendar event moves (one UID, the next SEQUENCE).",
    dependencies=[Depends(rate_limited("booking-link"))],
    responses=error_responses(*LINK_ERRORS, *BOOKING_ERRORS, BookingClosed, EventTypeNotFound),
)
async def reschedule_booking(
    token: Token, body: RescheduleBody, cors: PublicCors, busy: BusyCalendars, settings: Settings
) -> BookingAccepted:
    cors.admit(ANY_ORIGIN)
    moved = await service.reschedule_by_token(
        token, body.start_at, body.time_zone, body.client_booking_id, busy, settings
    )
    return await service.accepted(moved.booking, settings)
