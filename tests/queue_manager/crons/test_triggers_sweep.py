"""The sweep sends again the automation runs left pending, which the worker then runs."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.models.automation import AddTag
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.utilities.tasks import TaskSender
from tests.factories import create_contact, create_signed_in
from tests.queue_manager.triggers.factories import create_run, finished

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def sweep(sender: TaskSender) -> int:
    task_id = await sender.send("triggers_sweep.requeue_pending", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_a_run_left_pending_is_run_and_a_young_one_is_left_to_its_job(worker, sender):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    lost = await create_run(
        owner.account, contact, [AddTag(tag="hot")], created_at=utc_now() - timedelta(hours=1)
    )
    young = await create_run(owner.account, contact, [AddTag(tag="new")])

    requeued = await sweep(sender)

    assert requeued == 1
    assert (await finished(lost)).status is RunStatus.SUCCEEDED
    assert (await AutomationLog.get(young.id)).status is RunStatus.PENDING
