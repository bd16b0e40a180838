"""The cleanup deletes finished task records past their retention, and keeps dead ones."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app, settings
from shared.models.base import utc_now
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.tasks import TaskSender

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def create_task_run(status: TaskStatus, days_ago: float) -> TaskRun:
    finished_at = utc_now() - timedelta(days=days_ago)
    return await TaskRun(
        id=uuid.uuid4().hex, name="q.a", status=status, finished_at=finished_at
    ).insert()


async def test_finished_records_past_their_retention_are_deleted(worker, sender):
    retention = settings.task_run_retention_days
    old = await create_task_run(TaskStatus.COMPLETED, retention + 1)
    recent = await create_task_run(TaskStatus.COMPLETED, retention - 1)
    dead = await create_task_run(TaskStatus.DEAD, retention + 1)

    task_id = await sender.send("task_runs_cleanup.delete_finished", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    deleted = await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))

    assert deleted == 1
    assert await TaskRun.get(old.id) is None
    assert await TaskRun.get(recent.id) is not None
    assert await TaskRun.get(dead.id) is not None
