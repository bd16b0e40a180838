"""A job's status, and a dead letter, as the queue manager's API answers them."""

from datetime import datetime
from typing import Any

from shared.utilities.schemas import IdStr, ReadModel


class JobRead(ReadModel):
    id: IdStr  # the task id
    name: str | None  # unknown when only Celery's result backend remembers the task
    status: str  # queued, running, retrying, completed, dead; or Celery's state, lower-cased
    progress: dict[str, Any] = {}
    result: Any = None
    error: str | None = None
    attempts: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None


class DeadLetterRead(ReadModel):
    id: IdStr
    task_id: str
    task_name: str
    kwargs: dict[str, Any]
    error: str
    attempts: int
    failed_at: datetime
    redriven_at: datetime | None
