"""The task runtime's records in MongoDB: a run's outcome (`TaskRun`, keyed by the task id)
and the dead letters. Each write is one operation keyed by the task id.

A task that completes on its first delivery costs one insert here; a run with an earlier
record (progress reported, an attempt retried, a redrive) is updated in place instead.
"""

from datetime import datetime
from typing import Any

from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.pagination import Page, PageParams, Pagination
from shared.utilities.repository import object_id


async def find_run(task_id: str) -> TaskRun | None:
    document = await TaskRun.get_motor_collection().find_one({"_id": task_id})
    return TaskRun.model_validate(document) if document else None


async def complete(
    task_id: str, name: str, attempts: int, result: Any, first_write: bool = False
) -> None:
    """The run's result. `first_write` when nothing was recorded for it yet (the usual case,
    a first delivery that reported no progress): one insert on the primary key."""
    now = utc_now()
    fields = {
        "name": name,
        "status": TaskStatus.COMPLETED.value,
        "attempts": attempts,
        "result": result,
        "error": None,
        "finished_at": now,
        "updated_at": now,
    }
    if first_write:
        try:
            document = {"_id": task_id, "progress": {}, "created_at": now, **fields}
            await TaskRun.get_motor_collection().insert_one(document)
            return
        except DuplicateKeyError:
            pass
    await _upsert(task_id, fields, now)


async def retrying(task_id: str, name: str, attempts: int, error: str) -> None:
    now = utc_now()
    fields = {"name": name, "status": TaskStatus.RETRYING.value, "attempts": attempts}
    await _upsert(task_id, {**fields, "error": error, "updated_at": now}, now)


async def progress(task_id: str, name: str, attempts: int, reported: dict[str, Any]) -> None:
    now = utc_now()
    fields = {"name": name, "status": TaskStatus.RUNNING.value, "attempts": attempts}
    await _upsert(task_id, {**fields, "progress": reported, "updated_at": now}, now)


async def bury(task_id: str, name: str, kwargs: dict[str, Any], error: str, attempts: int) -> None:
    """The run is dead; its letter (one per task id) says what to send again."""
    now = utc_now()
    fields = {"name": name, "status": TaskStatus.DEAD.value, "attempts": attempts}
    await _upsert(task_id, {**fields, "error": error, "finished_at": now, "updated_at": now}, now)
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
    """Make a dead run waiting for a redrive, attempts from zero; False if it is neither dead
    nor already waiting (it runs, or has run)."""
    waiting = [TaskStatus.DEAD.value, TaskStatus.QUEUED.value]
    outcome = await TaskRun.get_motor_collection().update_one(
        {"_id": task_id, "status": {"$in": waiting}},
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


async def delete_completed_before(cutoff: datetime) -> int:
    """Forget completed runs finished before `cutoff`; dead ones stay until redriven."""
    outcome = await TaskRun.get_motor_collection().delete_many(
        {"status": TaskStatus.COMPLETED.value, "finished_at": {"$lt": cutoff}}
    )
    return outcome.deleted_count


async def _upsert(task_id: str, fields: dict[str, Any], now: datetime) -> None:
    await TaskRun.get_motor_collection().update_one(
        {"_id": task_id},
        {"$set": fields, "$setOnInsert": {"created_at": now}},
        upsert=True,
    )


async def find_dead_letter(letter_id: str) -> DeadLetter | None:
    oid = object_id(letter_id)
    return await DeadLetter.get(oid) if oid else None


async def mark_redriven(letter: DeadLetter) -> None:
    letter.redriven_at = utc_now()
    await letter.save()


# What the dead letters may be listed by.
DEAD_LETTER_SORTS = frozenset({"failed_at", "created_at"})


async def dead_letters(params: PageParams) -> Page[DeadLetter]:
    """Sorted by `params.sort` (one of DEAD_LETTER_SORTS), ties by id."""
    tie = "-_id" if params.sort.startswith("-") else "+_id"
    query = DeadLetter.find_all().sort(params.sort, tie)
    items = await query.skip(params.skip).limit(params.limit).to_list()
    total = await DeadLetter.find_all().count()
    pagination = Pagination.of(params, len(items), total)
    return Page[DeadLetter](data=items, pagination=pagination)
