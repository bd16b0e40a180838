"""The Celery tasks' metrics: attempts by name and state, their durations and their wait in the
queue, recorded by a real worker; and summed across a worker's forked processes."""

import asyncio
import os
import subprocess
import sys
import uuid

import pytest
from prometheus_client import REGISTRY

from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import AnyArguments, TaskName
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import PermanentError, create_worker_app, platform_task
from tests.worker_in_process import worker_on_this_loop

QUEUE = "metrics_probe"
app = create_worker_app(QUEUE, ServiceSettings(), queues=[QUEUE])
SUCCEEDS = TaskName(f"{QUEUE}.succeed", AnyArguments)
DIES = TaskName(f"{QUEUE}.die", AnyArguments)


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


async def counted(name: str, expected: float, **labels: str) -> float:
    """The sample once it reaches `expected`: the run's record is written inside the body's
    run, a moment before Celery's task_postrun signal counts the attempt."""
    async with asyncio.timeout(30):
        while sample(name, **labels) < expected:  # noqa: ASYNC110 (a signal, no event to await)
            await asyncio.sleep(0.02)
    return sample(name, **labels)


async def test_a_task_run_is_counted_with_its_state_duration_and_wait(worker, sender):
    labels = {"task": SUCCEEDS.name, "state": "SUCCESS"}
    before = sample("celery_tasks_total", **labels)
    waits = sample("celery_task_queue_wait_seconds_count", queue=QUEUE)

    await sender.send(SUCCEEDS.name, {}, uuid.uuid4().hex)

    assert await counted("celery_tasks_total", before + 1, **labels) == before + 1
    assert sample("celery_task_duration_seconds_count", task=SUCCEEDS.name) >= 1
    assert sample("celery_task_queue_wait_seconds_count", queue=QUEUE) == waits + 1


async def test_a_dead_task_is_counted_as_a_failure(worker, sender):
    labels = {"task": DIES.name, "state": "FAILURE"}
    before = sample("celery_tasks_total", **labels)

    await sender.send(DIES.name, {}, uuid.uuid4().hex)

    assert await counted("celery_tasks_total", before + 1, **labels) == before + 1
    assert sample("celery_tasks_total", task=DIES.name, state="SUCCESS") == 0


# Run in a fresh interpreter: prometheus-client picks its multi-process mode at import.
FORKED_WORKERS = """
import multiprocessing, sys
from shared.utilities import task_metrics as metrics

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
