"""Every minute: sends the reminders of bookings that have come due
(`shared.domain.scheduling.reminders`), by email, and by SMS where the event type says so; and
completes the bookings whose meeting has ended (`shared.domain.scheduling.completion`), which
fires the account's `appointment.completed` automations.

Each reminder goes once however often the sweep runs or its task is retried: its messages'
task ids name it, and it is recorded sent only once they have left. Each booking is completed
once: claimed by a conditional update together with the automation runs it sets off."""

from queue_manager.celery import app, settings
from shared.domain.scheduling.completion import complete_ended
from shared.domain.scheduling.reminders import send_due_reminders
from shared.models.base import utc_now
from shared.utilities.task_names import BOOKING_REMINDERS_SEND_DUE
from shared.utilities.worker import platform_task

BATCH = 500


@platform_task(app, BOOKING_REMINDERS_SEND_DUE)
async def send_due() -> dict[str, int]:
    """How many reminders were sent and how many bookings completed."""
    now = utc_now()
    return {
        "reminders": await send_due_reminders(now, settings, BATCH),
        "completed": await complete_ended(now, BATCH),
    }
