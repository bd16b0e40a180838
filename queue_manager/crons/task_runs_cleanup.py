"""Deletes the records of tasks completed longer ago than QUEUE_MANAGER_TASK_RUN_RETENTION_DAYS
(their claims in Redis expire after the same time): a task id sent again after that would run
again, so the retention is far longer than any redelivery or retry. Dead runs stay, with their
dead letters, until redriven and finished."""

from datetime import timedelta

from queue_manager.celery import app, settings
from shared.models.base import utc_now
from shared.utilities.task_names import TASK_RUNS_CLEANUP_DELETE_FINISHED
from shared.utilities.worker import platform_task
from shared.utilities.worker.repository import delete_completed_before


@platform_task(app, TASK_RUNS_CLEANUP_DELETE_FINISHED)
async def delete_finished() -> int:
    """Returns how many records were deleted."""
    return await delete_completed_before(
        utc_now() - timedelta(days=settings.task_run_retention_days)
    )
