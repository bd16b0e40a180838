"""`report_progress`: a running body says how far it is, shown by its job (`/v1/jobs/{id}`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from shared.utilities.worker import repository


@dataclass(frozen=True)
class RunningTask:
    task_id: str
    name: str
    attempt: int


_running_task: ContextVar[RunningTask | None] = ContextVar("running_task", default=None)


@contextmanager
def reporting_for(task: RunningTask) -> Iterator[None]:
    token = _running_task.set(task)
    try:
        yield
    finally:
        _running_task.reset(token)


async def report_progress(current: int, total: int | None = None, **info: Any) -> None:
    """Inside a task body: how far it is (one write of the run's record)."""
    task = _running_task.get()
    if task is None:
        raise RuntimeError("report_progress is called inside a platform task's body")
    reported = {"current": current, "total": total, **info}
    await repository.progress(task.task_id, task.name, task.attempt, reported)
