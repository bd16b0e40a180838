"""The records behind every platform task: claiming a run, its progress, its end, its dead letter.

Each write is one atomic MongoDB operation keyed by the task id (unique), so two deliveries of
the same task racing on two workers see one winner, on mongomock and on a real MongoDB alike.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import CLAIMABLE, TaskRun, TaskStatus


@dataclass(frozen=True)
class Claimed:
    run: TaskRun


@dataclass(frozen=True)
class AlreadyDone:
    """Completed (its stored result) or dead (waiting for a redrive): nothing to run."""

    run: TaskRun


@dataclass(frozen=True)
class HeldElsewhere:
    """Another worker holds a live claim; try again once it would have lapsed."""

    seconds_left: float


Claim = Claimed | AlreadyDone | HeldElsewhere


async def claim(task_id: str, name: str, owner: str, lease_seconds: float) -> Claim:
    """Take the run for this delivery: new, waiting for a retry or redrive, or abandoned by a
    worker whose lease lapsed (it died). Counts an attempt when taken."""
    now = utc_now()
    lease_until = now + timedelta(seconds=lease_seconds)
    collection = TaskRun.get_motor_collection()
    run = TaskRun(task_id=task_id, name=name, attempts=1, owner=owner, lease_until=lease_until)
    try:
        # The usual case, a task's first delivery: one insert, checked by the unique index.
        await collection.insert_one(run.model_dump(by_alias=True, exclude={"id"}))
        return Claimed(run)
    except DuplicateKeyError:
        pass
    takeable = {
        "task_id": task_id,
        "$or": [
            {"status": {"$in": [status.value for status in CLAIMABLE]}},
            {"status": TaskStatus.RUNNING.value, "lease_until": {"$lt": now}},
        ],
    }
    taken = {
        "$set": {
            "status": TaskStatus.RUNNING.value,
            "owner": owner,
            "lease_until": lease_until,
            "updated_at": now,
        },
        "$inc": {"attempts": 1},
    }
    document = await collection.find_one_and_update(
        takeable, taken, return_document=ReturnDocument.AFTER
    )
    if document is not None:
        return Claimed(TaskRun.model_validate(document))
    # It exists and is not takeable: done, dead, or held by a live worker.
    document = await collection.find_one({"task_id": task_id})
    if document is None:  # deleted in between by the cleanup: try again
        return HeldElsewhere(0.0)
    existing = TaskRun.model_validate(document)
    if existing.status in (TaskStatus.COMPLETED, TaskStatus.DEAD):
        return AlreadyDone(existing)
    return HeldElsewhere(max(((existing.lease_until or now) - now).total_seconds(), 0.0))


async def renew(task_id: str, owner: str, lease_seconds: float) -> None:
    await TaskRun.get_motor_collection().update_one(
        {"task_id": task_id, "owner": owner, "status": TaskStatus.RUNNING.value},
        {"$set": {"lease_until": utc_now() + timedelta(seconds=lease_seconds)}},
    )


async def complete(task_id: str, result: Any) -> None:
    now = utc_now()
    await _set(
        task_id,
        status=TaskStatus.COMPLETED.value,
        result=result,
        error=None,
        lease_until=None,
        finished_at=now,
        updated_at=now,
    )


async def retrying(task_id: str, error: str) -> None:
    status = TaskStatus.RETRYING.value
    await _set(task_id, status=status, error=error, lease_until=None, updated_at=utc_now())


async def bury(task_id: str, name: str, kwargs: dict[str, Any], error: str, attempts: int) -> None:
    """The run is dead; its letter (one per task id) says what to send again."""
    now = utc_now()
    await _set(
        task_id,
        status=TaskStatus.DEAD.value,
        error=error,
        lease_until=None,
        finished_at=now,
        updated_at=now,
    )
    await DeadLetter.get_motor_collection().update_one(
        {"task_id": task_id},
        {
            "$set": {
                "task_name": name,
                "kwargs": kwargs,
                "error": error,
                "attempts": attempts,
                "failed_at": now,
                "redriven_at": None,
                "updated_at": now,
            },
            "$setOnInsert": {"created_at": now},
        },
        upsert=True,
    )


async def requeue_dead(task_id: str) -> bool:
    """Make a dead run claimable again, attempts from zero (a redrive); False if it is neither
    dead nor already waiting for a redrive (it runs, or has run)."""
    waiting = [TaskStatus.DEAD.value, TaskStatus.QUEUED.value]
    outcome = await TaskRun.get_motor_collection().update_one(
        {"task_id": task_id, "status": {"$in": waiting}},
        {
            "$set": {
                "status": TaskStatus.QUEUED.value,
                "attempts": 0,
                "error": None,
                "finished_at": None,
                "updated_at": utc_now(),
            }
        },
    )
    return outcome.matched_count == 1


async def _set(task_id: str, **fields: Any) -> None:
    await TaskRun.get_motor_collection().update_one({"task_id": task_id}, {"$set": fields})


_running_task_id: ContextVar[str | None] = ContextVar("running_task_id", default=None)


@asynccontextmanager
async def reporting_for(task_id: str) -> AsyncIterator[None]:
    token = _running_task_id.set(task_id)
    try:
        yield
    finally:
        _running_task_id.reset(token)


async def report_progress(current: int, total: int | None = None, **info: Any) -> None:
    """Inside a task body: how far it is, shown by the job's status (`/v1/jobs/{id}`)."""
    task_id = _running_task_id.get()
    if task_id is None:
        raise RuntimeError("report_progress is called inside a platform task's body")
    await _set(task_id, progress={"current": current, "total": total, **info}, updated_at=utc_now())
