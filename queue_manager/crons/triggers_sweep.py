"""Sends again the automation runs left pending: a run whose job was lost (its request's
outbox could not reach Redis, say) would otherwise never run. The task id is the run's id, so a
run whose job is only late still runs once."""

from datetime import timedelta

from queue_manager.celery import app
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import TRIGGERS_RUN_AUTOMATION, TRIGGERS_SWEEP_REQUEUE_PENDING
from shared.utilities.worker import platform_task

# Younger runs are most likely queued and about to run.
PENDING_FOR = timedelta(minutes=10)
BATCH = 500


@platform_task(app, TRIGGERS_SWEEP_REQUEUE_PENDING)
async def requeue_pending() -> int:
    """Queue each run pending for longer than PENDING_FOR, oldest first; returns how many."""
    stale = {"status": RunStatus.PENDING.value, "created_at": {"$lt": utc_now() - PENDING_FOR}}
    runs = await AutomationLog.find(stale).sort("+created_at").limit(BATCH).to_list()
    for run in runs:
        enqueue_job(TRIGGERS_RUN_AUTOMATION, task_id=str(run.id), log_id=str(run.id))
    return len(runs)
