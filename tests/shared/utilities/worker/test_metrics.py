"""The Celery tasks' metrics: attempts by name and state, their durations and their wait in the
queue, recorded by a real worker; and summed across a worker's forked processes."""

import asyncio
import os
import subprocess
import sys
import uuid

import pytest
from prometheus_client import REGISTRY

from shared.models.task_run import TaskStatus
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import AnyArguments, TaskName
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import PermanentError, create_worker_app, platform_task
from shared.utilities.worker.repository import find_run
from tests.worker_in_process import worker_on_this_loop

QUEUE = "metrics_probe"
app = create_worker_app(QUEUE, ServiceSettings(), queues=[QUEUE])
SUCCEEDS = TaskName(f"{QUEUE}.succeed", AnyArguments)
DIES = TaskName(f"{QUEUE}.die", AnyArguments)
SETTLED = (TaskStatus.COMPLETED, TaskStatus.DEAD)


@platform_task(app, SUCCEEDS)
async def succeed() -> str:
    return "done"


@platform_task(app, DIES)
async def die() -> None:
    raise PermanentError("nothing to retry")


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.fixture
async def worker(mongo):
    async with worker_on_this_loop(app):
        yield


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def settled(task_id: str) -> None:
    async with asyncio.timeout(30):
        while (run := await find_run(task_id)) is None or run.status not in SETTLED:  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def test_a_task_run_is_counted_with_its_state_duration_and_wait(worker, sender):
    before = sample("celery_tasks_total", task=SUCCEEDS.name, state="SUCCESS")
    waits = sample("celery_task_queue_wait_seconds_count", queue=QUEUE)
    task_id = uuid.uuid4().hex

    await sender.send(SUCCEEDS.name, {}, task_id)
    await settled(task_id)

    assert sample("celery_tasks_total", task=SUCCEEDS.name, state="SUCCESS") == before + 1
    assert sample("celery_task_duration_seconds_count", task=SUCCEEDS.name) >= 1
    assert sample("celery_task_queue_wait_seconds_count", queue=QUEUE) == waits + 1


async def test_a_dead_task_is_counted_as_a_failure(worker, sender):
    before = sample("celery_tasks_total", task=DIES.name, state="FAILURE")
    task_id = uuid.uuid4().hex

    await sender.send(DIES.name, {}, task_id)
    await settled(task_id)

    assert sample("celery_tasks_total", task=DIES.name, state="FAILURE") == before + 1


# Run in a fresh interpreter: prometheus-client picks its multi-process mode at import.
FORKED_WORKERS = """
import multiprocessing, sys
from shared.utilities.worker import metrics

def attempt():
    metrics.TASKS.labels("probe.run", "SUCCESS").inc()

processes = [multiprocessing.get_context("fork").Process(target=attempt) for _ in range(3)]
for process in processes:
    process.start()
for process in processes:
    process.join()
print(metrics.exporter_registry().get_sample_value(
    "celery_tasks_total", {"task": "probe.run", "state": "SUCCESS"}))
"""


def test_a_workers_forked_processes_are_summed_in_multi_process_mode(tmp_path):
    environment = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}

    result = subprocess.run(
        [sys.executable, "-c", FORKED_WORKERS],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert result.stdout.strip() == "3.0"
