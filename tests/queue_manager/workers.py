"""Real `celery -A queue_manager worker` processes for tests, with this test run's environment."""

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CELERY = [sys.executable, "-m", "celery", "-A", "queue_manager"]


def start_worker(*flags: str, **env: str) -> subprocess.Popen:
    """A worker in its own process group, so a test can kill it with its pool processes."""
    return subprocess.Popen(
        [*CELERY, "worker", "--loglevel=WARNING", *flags],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def kill(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool at once: nothing is handed back, nothing acknowledged."""
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kill(worker)


@contextmanager
def running_worker(*flags: str, **env: str):
    worker = start_worker(*flags, **env)
    try:
        yield worker
    finally:
        stop(worker)
