"""The records a task's runs leave in MongoDB, keyed by the task id."""

import uuid
from datetime import timedelta

from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.worker import repository


def new_id() -> str:
    return uuid.uuid4().hex


async def test_a_completed_first_run_is_one_record_keyed_by_its_task_id(mongo):
    task_id = new_id()

    await repository.complete(task_id, "q.a", 1, {"ok": True}, first_write=True)

    run = await repository.find_run(task_id)
    assert (run.id, run.name, run.status, run.attempts, run.result) == (
        task_id,
        "q.a",
        TaskStatus.COMPLETED,
        1,
        {"ok": True},
    )
    assert run.finished_at is not None


async def test_a_run_that_reported_progress_keeps_it_when_it_completes(mongo):
    task_id = new_id()
    await repository.progress(task_id, "q.a", 1, {"current": 3, "total": 4})

    await repository.complete(task_id, "q.a", 1, "done", first_write=True)

    run = await repository.find_run(task_id)
    assert (run.status, run.progress, run.result) == (
        TaskStatus.COMPLETED,
        {"current": 3, "total": 4},
        "done",
    )


async def test_a_retried_run_records_its_last_error_then_clears_it(mongo):
    task_id = new_id()
    await repository.retrying(task_id, "q.a", 1, "Flaky: not yet")
    assert (await repository.find_run(task_id)).error == "Flaky: not yet"

    await repository.complete(task_id, "q.a", 2, "done")

    run = await repository.find_run(task_id)
    assert (run.status, run.attempts, run.error) == (TaskStatus.COMPLETED, 2, None)


async def test_a_dead_run_has_one_letter_updated_when_it_dies_again(mongo):
    task_id = new_id()
    await repository.bury(task_id, "q.a", {"x": 1}, "Boom: first", attempts=3)
    await DeadLetter.get_motor_collection().update_one(
        {"task_id": task_id}, {"$set": {"redriven_at": utc_now()}}
    )

    await repository.bury(task_id, "q.a", {"x": 1}, "Boom: second", attempts=2)

    letters = await DeadLetter.find(DeadLetter.task_id == task_id).to_list()
    assert [(letter.error, letter.redriven_at) for letter in letters] == [("Boom: second", None)]
    assert (await repository.find_run(task_id)).status is TaskStatus.DEAD


async def test_a_dead_run_is_requeued_once_with_its_attempts_from_zero(mongo):
    task_id = new_id()
    await repository.bury(task_id, "q.a", {}, "Boom: no", attempts=4)

    assert await repository.requeue_dead(task_id) is True
    run = await repository.find_run(task_id)
    assert (run.status, run.attempts) == (TaskStatus.QUEUED, 0)


async def test_a_run_that_is_not_dead_is_not_requeued(mongo):
    task_id = new_id()
    await repository.complete(task_id, "q.a", 1, None, first_write=True)

    assert await repository.requeue_dead(task_id) is False
    assert (await repository.find_run(task_id)).status is TaskStatus.COMPLETED


async def test_only_completed_runs_past_the_cutoff_are_deleted(mongo):
    old, recent, dead = new_id(), new_id(), new_id()
    await repository.complete(old, "q.a", 1, None, first_write=True)
    await TaskRun.get_motor_collection().update_one(
        {"_id": old}, {"$set": {"finished_at": utc_now() - timedelta(days=8)}}
    )
    await repository.complete(recent, "q.a", 1, None, first_write=True)
    await repository.bury(dead, "q.a", {}, "Boom: no", attempts=1)

    deleted = await repository.delete_completed_before(utc_now() - timedelta(days=7))

    assert deleted == 1
    assert await repository.find_run(old) is None
    assert await repository.find_run(recent) is not None
    assert await repository.find_run(dead) is not None
