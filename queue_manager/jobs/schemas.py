from datetime import datetime
from typing import Any

from pydantic import BaseModel

from shared.models.csv_queue import CsvJob
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun


class JobRead(BaseModel):
    id: str  # the task id
    name: str | None  # unknown when only Celery's result backend remembers the task
    status: str  # queued, running, retrying, completed, dead; or Celery's state, lower-cased
    progress: dict[str, Any] = {}
    result: Any = None
    error: str | None = None
    attempts: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None

    @classmethod
    def of(cls, run: TaskRun) -> "JobRead":
        return cls(
            id=run.task_id,
            name=run.name,
            status=run.status.value,
            progress=run.progress,
            result=run.result,
            error=run.error,
            attempts=run.attempts,
            created_at=run.created_at,
            updated_at=run.updated_at,
            finished_at=run.finished_at,
        )

    @classmethod
    def of_csv_job(cls, job: CsvJob) -> "JobRead":
        return cls(
            id=str(job.id),
            name=f"contacts.{job.kind.value}",
            status=job.status.value,
            progress=job.model_dump(include={"total_rows", "rows_done", "rows_failed"}),
            result=job.model_dump(mode="json", include={"filename", "errors"})
            if job.finished_at
            else None,
            error=job.failure,
            created_at=job.created_at,
            updated_at=job.updated_at,
            finished_at=job.finished_at,
        )


class DeadLetterRead(BaseModel):
    id: str
    task_id: str
    task_name: str
    kwargs: dict[str, Any]
    error: str
    attempts: int
    failed_at: datetime
    redriven_at: datetime | None

    @classmethod
    def of(cls, letter: DeadLetter) -> "DeadLetterRead":
        return cls(
            id=str(letter.id),
            task_id=letter.task_id,
            task_name=letter.task_name,
            kwargs=letter.kwargs,
            error=letter.error,
            attempts=letter.attempts,
            failed_at=letter.failed_at,
            redriven_at=letter.redriven_at,
        )
