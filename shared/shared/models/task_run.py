"""What came of one Celery task, keyed by its task id: the record a job's status is read from.

A task id names an effect (a delivery's id, an event's id), so a task is sent and delivered as
often as it likes and one run has the effect. Who runs it now is decided by its claim in Redis
(`shared.utilities.worker.claims`); this document is written only when there is something to
keep: the result when it completes, the error of an attempt that will be retried, the progress a
body reports, and its death (with its dead letter). Its `_id` is the task id itself, so writing
a finished run is one insert on the primary key and a run is found without a second index.
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


# A run in one of these has nothing left to do: a later delivery of its task does not run.
SETTLED = (TaskStatus.COMPLETED, TaskStatus.DEAD)


class TaskRun(BaseDocument):
    id: str = Field(description="the task id")
    name: str  # "<queue>.<action>"
    status: TaskStatus = TaskStatus.RUNNING
    attempts: int = 0  # times the body was started
    progress: dict[str, Any] = Field(default_factory=dict)  # {current, total, ...}
    result: Any = None
    error: str | None = None
    finished_at: datetime | None = None

    @property
    def task_id(self) -> str:
        return self.id

    class Settings:
        name = "task_runs"
        use_state_management = True
        indexes = [
            # The cleanup's sweep: finished runs older than the retention.
            IndexModel([("finished_at", ASCENDING)]),
        ]
