"""The Celery app that docker compose's worker and beat run: a real worker on real Redis."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from queue_manager.celery import LONGEST_TASK_SECONDS, app

ROOT = Path(__file__).resolve().parents[2]


def test_tasks_are_acknowledged_late_and_handed_back_by_a_dying_worker():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_redis_redelivers_only_after_the_longest_task_could_have_run():
    visibility = app.conf.broker_transport_options["visibility_timeout"]

    assert visibility > LONGEST_TASK_SECONDS >= app.conf.task_time_limit


def test_the_app_uses_the_configured_redis():
    assert app.conf.broker_url == os.environ["REDIS_URL"]


@pytest.fixture
def worker():
    celery = [sys.executable, "-m", "celery", "-A", "queue_manager"]
    process = subprocess.Popen(
        [*celery, "worker", "--pool=solo", "--hostname=probe@%h", "--loglevel=WARNING"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_the_compose_worker_command_starts_a_worker_that_answers_ping(worker):
    deadline = time.monotonic() + 30
    answers = None
    while not answers and time.monotonic() < deadline:
        assert worker.poll() is None, worker.stderr.read()
        answers = app.control.inspect(timeout=1).ping()

    assert answers, "no worker answered within 30 s"
    assert any(name.startswith("probe@") for name in answers)
