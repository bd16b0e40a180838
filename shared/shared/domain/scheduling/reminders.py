"""Reminders before a meeting, sent by the queue manager's `booking_reminders` cron
(QM_BOOKING_REMINDERS): each confirmed booking's reminders that have come due, by email, and
by SMS when its event type says so and the invitee gave a phone number.

Each reminder is sent once, however often the sweep runs or its task is retried:

1. its messages are asked for with a key naming the booking and the reminder, so their tasks'
   ids are the same on every run and the worker runs each id once;
2. they leave the outbox (`flush`) before the reminder is recorded as sent, so a run that dies
   between the two leaves it to the next run, which asks again under the same ids;
3. the reminder is recorded sent with a conditional update (only where it is not yet).

A reminder come due once its meeting has begun (the sweep was off for a while) is recorded
without being sent.
"""

from datetime import datetime

from shared.domain.notifications.platform import tell
from shared.domain.scheduling.effects import hosts_of, invitee_data
from shared.domain.scheduling.links import manage_path
from shared.domain.scheduling.repository import due_reminders, mark_reminder_sent
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking, Reminder
from shared.utilities.outbox import flush


async def send_due_reminders(now: datetime, settings: SchedulingSettings, limit: int) -> int:
    """Sends the reminders due at `now` (of at most `limit` bookings); returns how many."""
    sent = 0
    for booking in await due_reminders(now, limit):
        for reminder in booking.reminders:
            if reminder.sent_at is None and reminder.due_at <= now:
                if booking.start_at > now:
                    await remind(booking, reminder, settings)
                    await flush()
                    sent += 1
                await mark_reminder_sent(booking, reminder.minutes_before, now)
    return sent


async def remind(booking: Booking, reminder: Reminder, settings: SchedulingSettings) -> None:
    key = f"{booking.id}:reminder:{reminder.minutes_before}"
    data = invitee_data(booking, await hosts_of(booking))
    links = {"manage_url": manage_path(booking, settings)}
    await tell(
        "booking_reminder", booking.account_id, data, to=booking.invitee.email, links=links, key=key
    )
    if booking.sms_reminders and booking.invitee.phone:
        await tell(
            "booking_reminder_sms",
            booking.account_id,
            data,
            to=booking.invitee.phone,
            links=links,
            key=key,
        )
