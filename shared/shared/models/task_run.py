"""One Celery task's run, keyed by its task id: the idempotency record and what a job shows.

A task id names an effect (a delivery's id, an event's id), so the task is sent and delivered as
often as it likes and this document says whether the effect has happened. A worker claims the
record atomically before running the body; a completed record makes any later delivery return
its stored result instead of running again. A claim is a lease the running worker keeps renewing,
so a task whose worker died is taken over once the lease has lapsed.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field
from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class TaskStatus(StrEnum):
    QUEUED = "queued"  # redriven, waiting for a worker
    RUNNING = "running"
    RETRYING = "retrying"  # failed, sent again after a backoff
    COMPLETED = "completed"
    DEAD = "dead"  # out of retries (or failed for good): see its dead letter


# A record in one of these may be claimed by the next delivery of its task.
CLAIMABLE = (TaskStatus.QUEUED, TaskStatus.RETRYING)


class TaskRun(BaseDocument):
    task_id: str
    name: str  # "<queue>.<action>"
    status: TaskStatus = TaskStatus.RUNNING
    attempts: int = 0  # times the body was started
    progress: dict[str, Any] = Field(default_factory=dict)  # {current, total, ...}
    result: Any = None
    error: str | None = None
    owner: str | None = None  # "<hostname>:<pid>" of the worker holding the claim
    lease_until: datetime | None = None  # the claim lapses then unless renewed
    finished_at: datetime | None = None

    class Settings:
        name = "task_runs"
        use_state_management = True
        indexes = [
            IndexModel([("task_id", ASCENDING)], unique=True),
            # The cleanup's sweep: finished runs older than the retention.
            IndexModel([("finished_at", ASCENDING)]),
        ]
