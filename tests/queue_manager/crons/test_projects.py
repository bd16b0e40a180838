"""The projects cron on a real worker: sent by name on its queue, it sends the reminders that
have come, once however often it runs."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.models.base import utc_now
from shared.models.project_task import ProjectTask
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.project_factories import create_project, create_task

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def run_cron(sender: TaskSender) -> dict:
    task_id = await sender.send("projects.send_due", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_the_cron_sends_a_reminder_that_has_come_once(worker, sender):
    owner = await create_signed_in()
    _, board = await create_project(owner.account)
    reminder_at = utc_now() - timedelta(minutes=1)
    task = await create_task(board, assignee_ids=[owner.user.id], reminder_at=reminder_at)

    first = await run_cron(sender)
    second = await run_cron(sender)

    assert (first, second) == (
        {"reminders": 1, "occurrences": 0},
        {"reminders": 0, "occurrences": 0},
    )
    assert (await ProjectTask.get(task.id)).reminder_sent_at is not None
