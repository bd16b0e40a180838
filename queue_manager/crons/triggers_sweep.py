"""Sends again the automation runs left pending: a run whose job was lost (its request's
outbox could not reach Redis, say) would otherwise never run, and a run held while its account
was suspended is pending again once it is reactivated. The task id is the run's (a new one after
each hold), so a run whose job is only late still runs once."""

from datetime import timedelta

from queue_manager.celery import app
from queue_manager.triggers import repository
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
    runs = await repository.pending_runs_created_before(utc_now() - PENDING_FOR, BATCH)
    for run in runs:
        enqueue_job(TRIGGERS_RUN_AUTOMATION, task_id=run.task_id, log_id=str(run.id))
    return len(runs)
