"""A booking whose meeting took place becomes `completed` exactly once, and that fires the
account's `appointment.completed` automations on its contact (a review request, say).

- `complete_ended`: the queue manager's `booking_reminders` cron (QM_BOOKING_REMINDERS) closes
  every confirmed booking whose meeting has ended as completed;
- `mark`: a user of the account marks a begun meeting completed, or a no-show (which fires
  nothing), before the sweep does.

Either way the booking is claimed by a conditional update (only while still confirmed), so of
two closing it at once, or a sweep run twice, one does. The claim and the automation runs it
makes are written together (`transaction`): a process dying before its outbox left leaves the
runs pending, which the triggers sweep queues again, so the automations run once.
"""

from datetime import datetime

from beanie import PydanticObjectId

from shared.domain.automations.firing import fire
from shared.domain.scheduling.errors import BookingClosed, MeetingNotBegun
from shared.domain.scheduling.repository import BookingRepository, ended_bookings
from shared.models.base import utc_now
from shared.models.booking import Booking, BookingStatus
from shared.utilities import db
from shared.utilities.outbox import flush

TRIGGER = "appointment.completed"
OUTCOMES = (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


async def complete_ended(now: datetime, limit: int) -> int:
    """Completes the confirmed bookings (of at most `limit`) ended by `now`; returns how many
    this run completed."""
    completed = 0
    for booking in await ended_bookings(now, limit):
        if await close_as(booking, BookingStatus.COMPLETED, now, by=None):
            await flush()
            completed += 1
    return completed


async def mark(booking: Booking, outcome: BookingStatus, by: PydanticObjectId | None) -> Booking:
    """A confirmed booking whose meeting has begun closed as completed or no-show by a user:
    `MeetingNotBegun` before its start, `BookingClosed` once cancelled, moved or closed."""
    assert outcome in OUTCOMES, "an outcome of a meeting"
    now = utc_now()
    if booking.status is BookingStatus.CONFIRMED and booking.start_at > now:
        raise MeetingNotBegun()
    if not await close_as(booking, outcome, now, by=by):
        raise BookingClosed()
    return booking


async def close_as(
    booking: Booking, outcome: BookingStatus, now: datetime, by: PydanticObjectId | None
) -> bool:
    """Whether this caller closed the booking with `outcome` (and fired what a completed
    meeting fires)."""
    bookings = BookingRepository(booking.account_id)
    async with db.transaction():
        if not await bookings.close(booking, status=outcome, completed_at=now, completed_by=by):
            return False
        if outcome is BookingStatus.COMPLETED:
            await fire(booking.account_id, TRIGGER, {}, "contact", booking.contact_id)
    return True
