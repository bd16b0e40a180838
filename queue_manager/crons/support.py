"""The support inbox's crons (`shared.domain.support.due`), each doing its work once however
often it runs or is retried:

- `support_snooze` (QM_SUPPORT_SNOOZE, every minute): snoozed conversations whose time has come
  open again;
- `support_communication_check` (QM_SUPPORT_COMMUNICATION_CHECK, every five minutes): open
  conversations whose customer has waited longer than QUEUE_MANAGER_SUPPORT_REPLY_WAIT_MINUTES
  for an answer are flagged, and their assignee (or team) told, once per wait.
"""

from datetime import timedelta

from queue_manager.celery import app, settings
from shared.domain.support import due
from shared.models.base import utc_now
from shared.utilities.task_names import (
    SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING,
    SUPPORT_SNOOZE_REOPEN_DUE,
)
from shared.utilities.worker import platform_task

# Per run; what is left comes next run.
BATCH = 500


@platform_task(app, SUPPORT_SNOOZE_REOPEN_DUE)
async def reopen_due() -> int:
    """How many conversations opened again."""
    return await due.reopen_due_snoozes(utc_now(), BATCH)


@platform_task(app, SUPPORT_COMMUNICATION_CHECK_FLAG_WAITING)
async def flag_waiting() -> int:
    """How many conversations were flagged."""
    wait = timedelta(minutes=settings.support_reply_wait_minutes)
    return await due.flag_waiting(utc_now(), wait, BATCH)
