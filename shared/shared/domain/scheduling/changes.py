"""A booking cancelled or moved, by its invitee (through their link) or by a user of the
account.

- `cancel`: only a confirmed booking whose meeting has not begun (`BookingClosed` otherwise);
  of two cancelling at once, one does (a conditional update). Its time is let go, then the
  invitee and the hosts are told, with a calendar file cancelling the event.
- `reschedule`: a new booking at the new time, checked and held like any (`SlotUnavailable`,
  `SlotTaken`: nothing changes), taking over the old booking's reservations the new time
  needs; then the old one is closed as `rescheduled` pointing at it and its time let go. The
  new booking keeps the contact, answers and calendar event (one UID, the next SEQUENCE), so
  the invitee's calendar moves the event it holds. A move asked twice (the same client
  booking id, by default the old booking and the new time) answers the first.
"""

from datetime import UTC, datetime

from shared.domain.scheduling.booking import (
    Booked,
    checked_client_id,
    checked_start,
    finish,
    new_booking,
    placed,
    replayed,
    stored,
)
from shared.domain.scheduling.calendars import BusyTimes
from shared.domain.scheduling.effects import announce_closed
from shared.domain.scheduling.errors import BookingClosed
from shared.domain.scheduling.repository import (
    BookingRepository,
    BookingReservations,
    live_event_type,
)
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.base import utc_now
from shared.models.booking import Booking, BookingStatus, CancelledBy

MAX_REASON = 500


def check_open(booking: Booking) -> None:
    if booking.status is not BookingStatus.CONFIRMED or booking.start_at <= utc_now():
        raise BookingClosed()


async def cancel(
    booking: Booking, by: CancelledBy, settings: SchedulingSettings, reason: str = ""
) -> Booking:
    check_open(booking)
    closed = await BookingRepository(booking.account_id).close(
        booking,
        status=BookingStatus.CANCELLED,
        cancelled_at=utc_now(),
        cancelled_by=by,
        cancel_reason=reason[:MAX_REASON],
    )
    if not closed:
        raise BookingClosed()
    assert booking.id is not None
    await BookingReservations(booking.id).release()
    await announce_closed(booking, settings)
    return booking


async def reschedule(
    booking: Booking,
    start_at: datetime,
    time_zone: str,
    *,
    client_booking_id: str | None,
    busy_times: BusyTimes | None,
    settings: SchedulingSettings,
) -> Booked:
    event_type = await live_event_type(str(booking.event_type_id))
    start = checked_start(start_at)
    default_id = f"{booking.id}:{start.astimezone(UTC):%Y-%m-%dT%H:%M}"
    client_id = checked_client_id(client_booking_id or default_id)
    if earlier := await replayed(event_type, client_id, settings):
        return earlier
    check_open(booking)
    assert booking.id is not None
    new_id, host_ids = await placed(event_type, start, busy_times, moved_from=booking.id)
    moved = new_booking(
        event_type,
        new_id,
        host_ids,
        start,
        contact_id=booking.contact_id,
        invitee=booking.invitee,
        answers=booking.answers,
        time_zone=time_zone,
        client_booking_id=client_id,
        attribution=booking.attribution,
        lead_id=booking.lead_id,
        ical_uid=booking.ical_uid,
        ical_sequence=booking.ical_sequence + 1,
        rescheduled_from=booking.id,
    )
    try:
        winner = await stored(moved)
        if winner is not moved:
            return Booked(winner, replayed=True)
        await close_moved(booking, moved)
    except BaseException:
        await BookingReservations(new_id).release()
        raise
    await finish(moved, settings)
    await BookingReservations(booking.id).release()
    await announce_closed(booking, settings)
    return Booked(moved, replayed=False)


async def close_moved(booking: Booking, moved: Booking) -> None:
    """The old booking closed as moved; when it was cancelled meanwhile, the move is undone
    (and what it had handed over given back to it is let go too)."""
    closed = await BookingRepository(booking.account_id).close(
        booking, status=BookingStatus.RESCHEDULED, rescheduled_to=moved.id
    )
    if not closed:
        assert moved.id is not None and booking.id is not None
        await BookingReservations(moved.id).release()
        await moved.delete()
        await BookingReservations(booking.id).release()
        raise BookingClosed()
