"""Every minute: the projects' due-date reminders sent, and the next occurrences of recurring
tasks made (`shared.domain.projects.due`): each once, however often the cron runs or is retried
(a reminder is claimed by a conditional update, an occurrence keyed by the task it follows)."""

from queue_manager.celery import app
from shared.domain.projects import due
from shared.models.base import utc_now
from shared.utilities.task_names import PROJECTS_SEND_DUE
from shared.utilities.worker import platform_task

# Per kind and run; what is left comes next minute.
BATCH = 500


@platform_task(app, PROJECTS_SEND_DUE)
async def send_due() -> dict[str, int]:
    """How many reminders were sent and occurrences made."""
    now = utc_now()
    reminded = await due.send_reminders(now, BATCH)
    occurrences = await due.make_next_occurrences(now, BATCH)
    return {"reminders": reminded, "occurrences": occurrences}
