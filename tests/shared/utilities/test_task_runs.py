"""Claiming a task's run: one winner per task id, a dead worker's claim taken over, redrives."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities import task_runs


async def test_the_first_delivery_claims_a_new_run(mongo):
    claim = await task_runs.claim("t1", "q.a", "w1:1", lease_seconds=60)

    assert isinstance(claim, task_runs.Claimed)
    assert (claim.run.status, claim.run.attempts, claim.run.owner) == (
        TaskStatus.RUNNING,
        1,
        "w1:1",
    )


async def test_a_run_held_by_a_live_claim_is_not_claimed_again(mongo):
    await task_runs.claim("t2", "q.a", "w1:1", lease_seconds=60)

    claim = await task_runs.claim("t2", "q.a", "w2:1", lease_seconds=60)

    assert isinstance(claim, task_runs.HeldElsewhere)
    assert 0 < claim.seconds_left <= 60


async def test_a_claim_whose_lease_lapsed_is_taken_over(mongo):
    await task_runs.claim("t3", "q.a", "w1:1", lease_seconds=60)
    await TaskRun.get_motor_collection().update_one(
        {"task_id": "t3"}, {"$set": {"lease_until": utc_now() - timedelta(seconds=1)}}
    )

    claim = await task_runs.claim("t3", "q.a", "w2:1", lease_seconds=60)

    assert isinstance(claim, task_runs.Claimed)
    assert (claim.run.owner, claim.run.attempts) == ("w2:1", 2)


async def test_a_completed_run_answers_its_stored_result(mongo):
    await task_runs.claim("t4", "q.a", "w1:1", lease_seconds=60)
    await task_runs.complete("t4", {"ok": True})

    claim = await task_runs.claim("t4", "q.a", "w2:1", lease_seconds=60)

    assert isinstance(claim, task_runs.AlreadyDone)
    assert claim.run.result == {"ok": True}


async def test_a_redriven_dead_run_is_claimed_with_its_attempts_from_zero(mongo):
    await task_runs.claim("t5", "q.a", "w1:1", lease_seconds=60)
    await task_runs.bury("t5", "q.a", {"x": 1}, "Boom: no", attempts=1)

    requeued = await task_runs.requeue_dead("t5")
    claim = await task_runs.claim("t5", "q.a", "w2:1", lease_seconds=60)

    assert requeued is True
    assert isinstance(claim, task_runs.Claimed)
    assert claim.run.attempts == 1


async def test_only_a_dead_run_is_requeued(mongo):
    await task_runs.claim("t6", "q.a", "w1:1", lease_seconds=60)

    assert await task_runs.requeue_dead("t6") is False


async def test_a_task_dying_again_updates_its_one_dead_letter(mongo):
    await task_runs.bury("t7", "q.a", {"x": 1}, "Boom: first", attempts=3)
    await DeadLetter.get_motor_collection().update_one(
        {"task_id": "t7"}, {"$set": {"redriven_at": utc_now()}}
    )

    await task_runs.bury("t7", "q.a", {"x": 1}, "Boom: second", attempts=2)

    letters = await DeadLetter.find(DeadLetter.task_id == "t7").to_list()
    assert [(letter.error, letter.redriven_at) for letter in letters] == [("Boom: second", None)]
