"""A job's status by its task id, and the dead letters: listed, and sent again (redriven)."""

from typing import Any

import anyio
from celery import Celery

from queue_manager.jobs.schemas import JobRead
from shared.models.base import utc_now
from shared.models.csv_queue import CsvJob
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun
from shared.utilities import task_runs
from shared.utilities.errors import Conflict, NotFound
from shared.utilities.pagination import Page, PageParams, Pagination
from shared.utilities.repository import object_id
from shared.utilities.tasks import TaskSender


async def get_job(task_id: str, celery: Celery) -> JobRead:
    """From the task's record; a CSV import or export (run by internal_api, which owns its
    files) from its job record; a task run outside the task runtime from Celery's result
    backend (which answers PENDING for any id it does not know: that is a 404)."""
    run = await TaskRun.find_one(TaskRun.task_id == task_id)
    if run is not None:
        return JobRead.of(run)
    if (oid := object_id(task_id)) and (csv_job := await CsvJob.get(oid)):
        return JobRead.of_csv_job(csv_job)
    state, outcome = await anyio.to_thread.run_sync(celery_state, celery, task_id)
    if state == "PENDING":
        raise NotFound(f"Job {task_id} does not exist.")
    failed = isinstance(outcome, BaseException)
    return JobRead(
        id=task_id,
        name=None,
        status=state.lower(),
        progress=outcome if state == "PROGRESS" and isinstance(outcome, dict) else {},
        result=None if failed or state != "SUCCESS" else outcome,
        error=f"{type(outcome).__name__}: {outcome}" if failed else None,
    )


def celery_state(celery: Celery, task_id: str) -> tuple[str, Any]:
    result = celery.AsyncResult(task_id)
    return result.state, result.info


async def list_dead_letters(params: PageParams) -> Page[DeadLetter]:
    query = DeadLetter.find_all().sort("-failed_at", "-_id")
    items = await query.skip(params.skip).limit(params.limit).to_list()
    total = await DeadLetter.find_all().count()
    has_more = params.skip + len(items) < total
    pagination = Pagination(
        page=params.page,
        limit=params.limit,
        total=total,
        next_page=params.page + 1 if has_more else None,
    )
    return Page[DeadLetter](data=items, pagination=pagination)


async def redrive(letter_id: str, tasks: TaskSender) -> DeadLetter:
    """Send the dead task again with its name, arguments and id, its attempts from zero."""
    oid = object_id(letter_id)
    letter = await DeadLetter.get(oid) if oid else None
    if letter is None:
        raise NotFound(f"Dead letter {letter_id} does not exist.")
    if not await task_runs.requeue_dead(letter.task_id):
        raise Conflict(f"Task {letter.task_id} was redriven already and is no longer dead.")
    await tasks.send(letter.task_name, letter.kwargs, letter.task_id)
    letter.redriven_at = utc_now()
    await letter.save()
    return letter
