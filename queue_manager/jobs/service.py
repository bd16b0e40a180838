"""A job's status by its task id, and the dead letters: listed, and sent again (redriven)."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import anyio
from celery import Celery

from queue_manager.jobs.errors import AlreadyRedriven
from queue_manager.jobs.repository import find_csv_job
from shared.models.csv_queue import CsvJob
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import repository as runs
from shared.utilities.worker.claims import ClaimStore


@dataclass(frozen=True)
class JobStatus:
    """A job known otherwise than by its run's record, with the fields of one."""

    id: str
    name: str | None
    status: str
    progress: dict[str, Any] = field(default_factory=dict)
    result: Any = None
    error: str | None = None
    attempts: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None


async def get_job(task_id: str, claims: ClaimStore, celery: Celery) -> TaskRun | JobStatus:
    """From the run's record; a run that has recorded nothing yet from its claim; a CSV import
    or export from its job record; a task run outside the task runtime from Celery's result
    backend (which answers PENDING for any id it does not know: that is a 404)."""
    if run := await runs.find_run(task_id):
        return run
    if claim := await claims.state(task_id):
        return JobStatus(task_id, None, claim.status.value, attempts=claim.attempts)
    if csv_job := await find_csv_job(task_id):
        return csv_job_status(csv_job)
    state, outcome = await anyio.to_thread.run_sync(celery_state, celery, task_id)
    if state == "PENDING":
        raise NotFound(f"Job {task_id} does not exist.")
    failed = isinstance(outcome, BaseException)
    return JobStatus(
        id=task_id,
        name=None,
        status=state.lower(),
        progress=outcome if state == "PROGRESS" and isinstance(outcome, dict) else {},
        result=None if failed or state != "SUCCESS" else outcome,
        error=f"{type(outcome).__name__}: {outcome}" if failed else None,
    )


def csv_job_status(job: CsvJob) -> JobStatus:
    finished = job.finished_at is not None
    return JobStatus(
        id=str(job.id),
        name=f"contacts.{job.kind.value}",
        status=job.status.value,
        progress=job.model_dump(include={"total_rows", "rows_done", "rows_failed"}),
        result=job.model_dump(mode="json", include={"filename", "errors"}) if finished else None,
        error=job.failure,
        created_at=job.created_at,
        updated_at=job.updated_at,
        finished_at=job.finished_at,
    )


def celery_state(celery: Celery, task_id: str) -> tuple[str, Any]:
    result = celery.AsyncResult(task_id)
    return result.state, result.info


async def list_dead_letters(params: PageParams) -> Page[DeadLetter]:
    return await runs.dead_letters(params)


async def redrive(letter_id: str, tasks: TaskSender, claims: ClaimStore) -> DeadLetter:
    """Send the dead task again with its name, arguments and id, its attempts from zero."""
    letter = await runs.find_dead_letter(letter_id)
    if letter is None:
        raise NotFound(f"Dead letter {letter_id} does not exist.")
    if not await runs.requeue_dead(letter.task_id):
        raise AlreadyRedriven(f"Task {letter.task_id} was redriven already and is no longer dead.")
    await claims.requeue(letter.task_id)
    await tasks.send(letter.task_name, letter.kwargs, letter.task_id)
    await runs.mark_redriven(letter)
    return letter
