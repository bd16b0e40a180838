"""Deletes the records of tasks finished longer ago than QUEUE_MANAGER_TASK_RUN_RETENTION_DAYS:
a task id redelivered after that would run again, so the retention is far longer than any
redelivery or retry. Dead runs stay, with their dead letters, until redriven and finished."""

from datetime import timedelta

from queue_manager.celery import app, settings
from shared.models.base import utc_now
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.task_names import TASK_RUNS_CLEANUP_DELETE_FINISHED
from shared.utilities.worker import platform_task


@platform_task(app, TASK_RUNS_CLEANUP_DELETE_FINISHED)
async def delete_finished() -> int:
    """Returns how many records were deleted."""
    cutoff = utc_now() - timedelta(days=settings.task_run_retention_days)
    outcome = await TaskRun.get_motor_collection().delete_many(
        {"status": TaskStatus.COMPLETED.value, "finished_at": {"$lt": cutoff}}
    )
    return outcome.deleted_count
