"""A visitor booking a slot of an event type, without an account:

    booked = await book(event_type_id, BookingRequest(start_at=..., time_zone="Europe/Paris",
                        name="Ada King", email="ada@example.com"), busy_times=..., settings=...)

Checked first, nothing written otherwise: the answers and phone (422 naming each field), the
start (`SlotUnavailable`, 422, when it is no slot of the event type at all; `SlotTaken`, 409,
when it is one its hosts are busy at). Then, with no transaction to lean on:

1. The hosts' time is held (`reservations.hold`): a unique reservation per host and block, so
   of two visitors racing for one slot exactly one holds it; the other gets `SlotTaken` and
   has written nothing. A round-robin event type tries its free hosts, the least booked first.
2. The contact is found or made through the one contact write path (`contact_for`, source
   `booking`), and the booking stored: one per event type and client booking id (a unique
   index), so the same id sent again answers the first booking and makes nothing. A failure
   here lets the held time go.
3. `finish`: the reservations confirmed, the lead recorded (source `booking`, once per
   booking), the effects sent (`effects.announce_booked`), and the booking marked announced.
   A booking stored but not finished (its process died) is finished by its client id sent
   again.
"""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import platform_author
from shared.domain.leads import record_lead
from shared.domain.scheduling.answers import read_answers, read_phone
from shared.domain.scheduling.calendars import BusyTimes, host_calendars
from shared.domain.scheduling.effects import announce_booked
from shared.domain.scheduling.errors import SlotTaken, SlotUnavailable
from shared.domain.scheduling.repository import (
    BookingRepository,
    BookingReservations,
    live_event_type,
)
from shared.domain.scheduling.reservations import BLOCK, HostDay, hold
from shared.domain.scheduling.settings import SchedulingSettings
from shared.domain.scheduling.slots import (
    HostCalendar,
    bookable_between,
    meeting_at,
    offered_without_busy,
    slot_at,
)
from shared.domain.scheduling.windows import Interval
from shared.models.base import utc_now
from shared.models.booking import Booking, Invitee, Reminder
from shared.models.event_type import EventType, EventTypeKind
from shared.models.lead import Attribution, LeadSource
from shared.utilities.errors import InvalidInput

CLIENT_ID_LENGTH = 100


@dataclass(frozen=True)
class BookingRequest:
    start_at: datetime
    time_zone: str  # the invitee's IANA zone
    name: str
    email: str
    phone: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict)
    client_booking_id: str | None = None
    attribution: Attribution = field(default_factory=Attribution)


@dataclass(frozen=True)
class Booked:
    booking: Booking
    replayed: bool  # the client booking id had been sent before: nothing was made now


async def book(
    event_type_id: str,
    request: BookingRequest,
    *,
    busy_times: BusyTimes | None,
    settings: SchedulingSettings,
) -> Booked:
    event_type = await live_event_type(event_type_id)
    client_id = checked_client_id(request.client_booking_id)
    if earlier := await replayed(event_type, client_id, settings):
        return earlier
    author = await platform_author(event_type.account_id, settings)
    answers = read_answers(event_type.questions, request.answers, author.phone_region)
    phone = read_phone(request.phone, author.phone_region)
    start = checked_start(request.start_at)
    booking_id, host_ids = await placed(event_type, start, busy_times)
    try:
        contact, created = await contact_for(
            author,
            "booking",
            email=request.email,
            phone=phone,
            announce=False,  # the hosts hear of the booking itself
            **names_of(request.name),
        )
        assert contact.id is not None
        booking = new_booking(
            event_type,
            booking_id,
            host_ids,
            start,
            contact_id=contact.id,
            new_contact=created,
            invitee=Invitee(name=request.name, email=request.email, phone=phone),
            answers=answers,
            time_zone=request.time_zone,
            client_booking_id=client_id,
            attribution=request.attribution,
            ical_uid=f"{booking_id}@bookings",
        )
        winner = await stored(booking)
    except BaseException:
        await BookingReservations(booking_id).release()
        raise
    if winner is not booking:
        return Booked(winner, replayed=True)
    await finish(booking, settings)
    return Booked(booking, replayed=False)


def checked_client_id(client_booking_id: str | None) -> str:
    if client_booking_id is None:
        return uuid.uuid4().hex
    client_id = client_booking_id.strip()
    if not client_id or len(client_id) > CLIENT_ID_LENGTH or not client_id.isprintable():
        raise InvalidInput(
            "The client booking id is not usable.",
            details=[
                {
                    "field": "client_booking_id",
                    "message": f"1 to {CLIENT_ID_LENGTH} printable characters",
                }
            ],
        )
    return client_id


def checked_start(start_at: datetime) -> datetime:
    """In UTC; a start off the blocks slots are made of is no slot."""
    if start_at.tzinfo is None:
        raise SlotUnavailable("Give the start with its offset (2026-03-29T09:00:00+02:00).")
    start = start_at.astimezone(UTC)
    if start.timestamp() % BLOCK.total_seconds():
        raise SlotUnavailable()
    return start


async def replayed(
    event_type: EventType, client_id: str, settings: SchedulingSettings
) -> Booked | None:
    """The booking made with this client id already, finished if it was not."""
    assert event_type.id is not None
    earlier = await BookingRepository(event_type.account_id).by_client_id(event_type.id, client_id)
    if earlier is None:
        return None
    await finish(earlier, settings)
    return Booked(earlier, replayed=True)


async def placed(
    event_type: EventType,
    start: datetime,
    busy_times: BusyTimes | None,
    moved_from: PydanticObjectId | None = None,
) -> tuple[PydanticObjectId, list[PydanticObjectId]]:
    """A new booking's id holding its hosts' time at `start`, and those hosts."""
    free = await free_hosts(event_type, start, busy_times, moved_from)
    booking_id = PydanticObjectId()
    for hosts in await host_choices(event_type, free):
        try:
            await hold(event_type, booking_id, start, hosts, moved_from)
        except SlotTaken:
            continue
        return booking_id, [host.user_id for host in hosts]
    raise SlotTaken()


async def free_hosts(
    event_type: EventType,
    start: datetime,
    busy_times: BusyTimes | None,
    moved_from: PydanticObjectId | None,
) -> list[HostCalendar]:
    """The hosts free at `start`: `SlotUnavailable` when it is no slot, `SlotTaken` when
    nobody (a collective event type: not everyone) is free."""
    bookable = bookable_between(event_type, utc_now())
    if not bookable.start <= start <= bookable.end:
        raise SlotUnavailable()
    calendars = await host_calendars(
        event_type, Interval(start, start + BLOCK), busy_times, moved_from
    )
    if not offered_without_busy(event_type, calendars, start):
        raise SlotUnavailable()
    slot = slot_at(event_type, calendars, start)
    if slot is None:
        raise SlotTaken()
    return [calendar for calendar in calendars if calendar.user_id in slot.host_ids]


async def host_choices(event_type: EventType, free: Sequence[HostCalendar]) -> list[list[HostDay]]:
    """Whom to hold, in the order to try: every host of a collective event type at once; one
    host otherwise, the one with the fewest upcoming bookings of it first."""
    days = [HostDay(calendar.user_id, calendar.time_zone) for calendar in free]
    if event_type.kind is EventTypeKind.COLLECTIVE:
        return [days]
    assert event_type.id is not None
    bookings, now = BookingRepository(event_type.account_id), utc_now()
    load = {
        day.user_id: await bookings.upcoming_count(event_type.id, day.user_id, now) for day in days
    }
    return [[day] for day in sorted(days, key=lambda day: load[day.user_id])]


def new_booking(
    event_type: EventType,
    booking_id: PydanticObjectId,
    host_ids: list[PydanticObjectId],
    start: datetime,
    **fields,
) -> Booking:
    assert event_type.id is not None
    meeting = meeting_at(event_type, start)
    now = utc_now()
    reminders = [
        Reminder(minutes_before=minutes, due_at=due)
        for minutes in event_type.reminder_minutes
        if (due := meeting.start - timedelta(minutes=minutes)) > now
    ]
    return Booking(
        id=booking_id,
        account_id=event_type.account_id,
        event_type_id=event_type.id,
        event_name=event_type.name,
        host_ids=host_ids,
        start_at=meeting.start,
        end_at=meeting.end,
        location=event_type.location,
        reminders=reminders,
        sms_reminders=event_type.sms_reminders,
        **fields,
    )


async def stored(booking: Booking) -> Booking:
    """The booking inserted; or, when another request stored one with its client id
    meanwhile, that one (whose time this one's caller lets go)."""
    try:
        await booking.insert()
    except DuplicateKeyError:
        bookings = BookingRepository(booking.account_id)
        winner = await bookings.by_client_id(booking.event_type_id, booking.client_booking_id)
        assert winner is not None, "a booking is never deleted"
        await BookingReservations(booking.id).release()
        return winner
    return booking


async def finish(booking: Booking, settings: SchedulingSettings) -> None:
    """What follows a stored booking, each step once however often it is resumed."""
    if booking.announced_at is not None:
        return
    assert booking.id is not None
    await BookingReservations(booking.id).confirm()
    bookings = BookingRepository(booking.account_id)
    if booking.lead_id is None and booking.rescheduled_from is None:
        contact = await ContactRepository(booking.account_id).find_by_id(booking.contact_id)
        if contact is not None:
            lead = await record_lead(
                contact,
                LeadSource.BOOKING,
                new_contact=booking.new_contact,
                source_ref=str(booking.event_type_id),
                attribution=booking.attribution,
                touch_id=str(booking.id),
            )
            await bookings.record(booking, lead_id=lead.id)
    await announce_booked(booking, settings)
    await bookings.record(booking, announced_at=utc_now())
