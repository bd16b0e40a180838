"""Sends the reminders of bookings that have come due (`shared.domain.scheduling.reminders`),
every minute: by email, and by SMS where the event type says so. Each reminder goes once
however often the sweep runs or its task is retried: its messages' task ids name it, and it
is recorded sent only once they have left."""

from queue_manager.celery import app, settings
from shared.domain.scheduling.reminders import send_due_reminders
from shared.models.base import utc_now
from shared.utilities.task_names import BOOKING_REMINDERS_SEND_DUE
from shared.utilities.worker import platform_task

BATCH = 500


@platform_task(app, BOOKING_REMINDERS_SEND_DUE)
async def send_due() -> int:
    """Returns how many reminders were sent."""
    return await send_due_reminders(utc_now(), settings, BATCH)
