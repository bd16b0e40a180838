"""The in-process worker (embedded mode) stopped while a task runs: it does not wait for the
body, it hands the task back to its queue, and the next worker runs it."""

import asyncio
import os
import uuid

import pytest
import redis

from shared.models.task_run import TaskStatus
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import AnyArguments, TaskName
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import create_worker_app, platform_task, running_in_process
from shared.utilities.worker.claims import key_of
from shared.utilities.worker.repository import find_run

QUEUE = "in_process_probe"
app = create_worker_app("in_process_probe", ServiceSettings(), queues=[QUEUE])
started: set[str] = set()
released: set[str] = set()
WAIT_SECONDS = 30


@platform_task(app, TaskName(f"{QUEUE}.wait_for_release", AnyArguments))
async def wait_for_release(key: str) -> str:
    started.add(key)
    while key not in released:  # noqa: ASYNC110 (the test releases it by hand)
        await asyncio.sleep(0.02)
    return key


@pytest.fixture
def broker():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.delete(QUEUE)
    yield client
    client.delete(QUEUE)
    client.close()


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def until(condition) -> None:
    async with asyncio.timeout(WAIT_SECONDS):
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def test_a_stopped_in_process_worker_hands_its_running_task_back(mongo, broker, sender):
    key = uuid.uuid4().hex
    async with running_in_process(app):
        await sender.send(f"{QUEUE}.wait_for_release", {"key": key}, key)
        await until(lambda: key in started)

    assert broker.hget(key_of(key), "status") == b"queued"
    assert broker.llen(QUEUE) == 1


async def test_the_next_in_process_worker_runs_the_task_handed_back(mongo, broker, sender):
    key = uuid.uuid4().hex
    async with running_in_process(app):
        await sender.send(f"{QUEUE}.wait_for_release", {"key": key}, key)
        await until(lambda: key in started)
    released.add(key)

    async with running_in_process(app):
        async with asyncio.timeout(WAIT_SECONDS):
            while (run := await find_run(key)) is None:  # noqa: ASYNC110
                await asyncio.sleep(0.02)

    assert (run.status, run.result, run.attempts) == (TaskStatus.COMPLETED, key, 1)
