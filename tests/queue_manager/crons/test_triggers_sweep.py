"""The sweep sends again the automation runs left pending, which the worker then runs."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.domain.accounts import lifecycle
from shared.models.account import AccountStatus
from shared.models.automation import AddTag
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.utilities.redis import create_redis
from shared.utilities.tasks import TaskSender
from tests.factories import create_account, create_contact, create_signed_in, create_sub_account
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


async def test_a_run_released_after_a_hold_is_run_by_the_sweep_though_its_job_ran(worker, sender):
    agency = await create_account()
    client = await create_sub_account(agency, status=AccountStatus.SUSPENDED)
    contact = await create_contact(client)
    run = await create_run(
        client, contact, [AddTag(tag="hot")], created_at=utc_now() - timedelta(hours=1)
    )
    job = await sender.send("triggers.run_automation", {"log_id": str(run.id)}, run.task_id)
    held = await anyio.to_thread.run_sync(lambda: app.AsyncResult(job).get(timeout=WAIT_SECONDS))
    redis = create_redis(os.environ["REDIS_URL"])
    try:
        await lifecycle.reactivate(redis, client)
    finally:
        await redis.aclose()

    requeued = await sweep(sender)

    assert held["status"] == "held"
    assert requeued == 1
    assert (await finished(run)).status is RunStatus.SUCCEEDED
