"""Every task is declared once in shared.utilities.task_names, and the worker each declaration
names registers exactly those tasks."""

import json
import subprocess
import sys

import pytest

from shared.utilities.outbox import Outbox, _current, enqueue_job
from shared.utilities.task_names import TASKS, WEBHOOK_DELIVER

# Imports each worker's Celery app in a fresh interpreter (so no test's probe task is counted)
# and prints the platform tasks it registered.
REGISTERED = """
import importlib, json, sys
app = importlib.import_module(sys.argv[1]).app
app.loader.import_default_modules()
print(json.dumps(sorted(name for name in app.tasks if not name.startswith("celery."))))
"""
WORKER_MODULES = {"queue_manager": "queue_manager.celery", "notifications": "notifications.celery"}


def registered_on(worker: str) -> set[str]:
    found = subprocess.run(
        [sys.executable, "-c", REGISTERED, WORKER_MODULES[worker]],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(json.loads(found.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("worker", sorted(WORKER_MODULES))
def test_each_worker_registers_exactly_the_tasks_declared_for_it(worker):
    declared = {name for name, task in TASKS.items() if task.worker == worker}

    assert registered_on(worker) == declared


def test_every_declaration_names_a_known_worker():
    assert {task.worker for task in TASKS.values()} <= set(WORKER_MODULES)


def test_a_job_with_arguments_its_task_does_not_declare_is_refused_where_it_is_asked_for():
    outbox = Outbox()
    token = _current.set(outbox)
    try:
        with pytest.raises(TypeError, match=r"webhook\.deliver"):
            enqueue_job(WEBHOOK_DELIVER, delivery="d1")
    finally:
        _current.reset(token)

    assert outbox.jobs == []
