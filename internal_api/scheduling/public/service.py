"""The public side of scheduling: an event type's page and slots for a visitor's dates and
time zone, a booking made (`shared.domain.scheduling.booking`), and a booking read, cancelled
or moved through its signed link (`shared.domain.scheduling.links`), which names its account:
no link reaches another account's booking."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from internal_api.scheduling.public.schemas import (
    BookingAccepted,
    BookingCreate,
    PublicBookingRead,
    PublicEventTypeRead,
    SlotDayRead,
    SlotRead,
    SlotsRead,
)
from shared.domain.accounts import repository as accounts
from shared.domain.scheduling import booking as booking_domain
from shared.domain.scheduling.calendars import BusyTimes, host_calendars
from shared.domain.scheduling.changes import cancel, reschedule
from shared.domain.scheduling.errors import BookingLinkNotValid
from shared.domain.scheduling.links import manage_token, read_manage_token
from shared.domain.scheduling.repository import BookingRepository, live_event_type
from shared.domain.scheduling.settings import SchedulingSettings
from shared.domain.scheduling.slots import open_slots
from shared.domain.scheduling.windows import Interval, instant
from shared.models.base import utc_now
from shared.models.booking import Booking, CancelledBy
from shared.models.event_type import EventType, EventTypeKind, LocationKind
from shared.models.lead import Attribution
from shared.utilities.errors import InvalidInput


async def public_event_type(event_type_id: str) -> EventType:
    return await live_event_type(event_type_id)


async def host_names(host_ids: Iterable[PydanticObjectId]) -> list[str]:
    users = [await accounts.user(user_id) for user_id in host_ids]
    return [user.name for user in users if user is not None]


async def page_of(event_type: EventType) -> PublicEventTypeRead:
    round_robin = event_type.kind is EventTypeKind.ROUND_ROBIN
    location = event_type.location
    return PublicEventTypeRead(
        id=str(event_type.id),
        name=event_type.name,
        description=event_type.description,
        kind=event_type.kind,
        duration_minutes=event_type.duration_minutes,
        location_kind=location.kind,
        address=location.value if location.kind is LocationKind.ADDRESS else None,
        questions=event_type.questions,
        host_names=[] if round_robin else await host_names(h.user_id for h in event_type.hosts),
    )


def visitor_days(first: date, last: date, time_zone: str, max_days: int) -> Interval:
    """From the start of `first` to the end of `last`, in the visitor's zone."""
    if last < first or (last - first).days >= max_days:
        raise InvalidInput(
            f"Ask for 1 to {max_days} days of slots.",
            details=[{"field": "to", "message": f"from `from` to at most {max_days - 1} days on"}],
            location="query",
        )
    zone = ZoneInfo(time_zone)
    return Interval(instant(first, 0, zone), instant(last + timedelta(days=1), 0, zone))


async def slots(
    event_type: EventType,
    first: date,
    last: date,
    time_zone: str,
    busy_times: BusyTimes,
    max_days: int,
) -> SlotsRead:
    within = visitor_days(first, last, time_zone, max_days)
    calendars = await host_calendars(event_type, within, busy_times)
    zone = ZoneInfo(time_zone)
    found = open_slots(event_type, calendars, within, utc_now())
    by_day = groupby(found, key=lambda slot: slot.start.astimezone(zone).date())
    days = [
        SlotDayRead(
            date=day,
            slots=[
                SlotRead(start_at=s.start, local_start=s.start.astimezone(zone)) for s in day_slots
            ],
        )
        for day, day_slots in by_day
    ]
    return SlotsRead(time_zone=time_zone, days=days)


async def book(
    event_type_id: str,
    body: BookingCreate,
    idempotency_key: str | None,
    busy_times: BusyTimes,
    settings: SchedulingSettings,
) -> booking_domain.Booked:
    request = booking_domain.BookingRequest(
        start_at=body.start_at,
        time_zone=body.time_zone,
        name=body.name,
        email=body.email,
        phone=body.phone,
        answers=body.answers,
        client_booking_id=idempotency_key or body.client_booking_id,
        attribution=Attribution(**body.attribution.model_dump()),
    )
    return await booking_domain.book(
        event_type_id, request, busy_times=busy_times, settings=settings
    )


async def by_token(token: str, settings: SchedulingSettings) -> Booking:
    account_id, booking_id = read_manage_token(token, settings)
    booking = await BookingRepository(account_id).find_by_id(booking_id)
    if booking is None:
        raise BookingLinkNotValid()
    return booking


async def shown(booking: Booking) -> PublicBookingRead:
    return PublicBookingRead(**await shown_fields(booking))


async def accepted(booking: Booking, settings: SchedulingSettings) -> BookingAccepted:
    return BookingAccepted(**await shown_fields(booking), token=manage_token(booking, settings))


async def shown_fields(booking: Booking) -> dict:
    return {
        "id": str(booking.id),
        "status": booking.status,
        "event_name": booking.event_name,
        "start_at": booking.start_at,
        "end_at": booking.end_at,
        "time_zone": booking.time_zone,
        "location_kind": booking.location.kind,
        "location": booking.location.value,
        "invitee_name": booking.invitee.name,
        "invitee_email": booking.invitee.email,
        "host_names": await host_names(booking.host_ids),
        "event_type_id": str(booking.event_type_id),
    }


async def cancel_by_token(token: str, reason: str, settings: SchedulingSettings) -> Booking:
    return await cancel(await by_token(token, settings), CancelledBy.INVITEE, settings, reason)


async def reschedule_by_token(
    token: str,
    start_at: datetime,
    time_zone: str,
    client_booking_id: str | None,
    busy_times: BusyTimes,
    settings: SchedulingSettings,
) -> booking_domain.Booked:
    return await reschedule(
        await by_token(token, settings),
        start_at,
        time_zone,
        client_booking_id=client_booking_id,
        busy_times=busy_times,
        settings=settings,
    )
