"""Platform tasks on a real Celery worker (in this process, solo pool) and a real Redis: run once
per task id, retried, dead-lettered, with their outbox, progress and request id."""

import os
import uuid

import anyio
import pytest
import redis

from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskStatus
from shared.utilities import context
from shared.utilities.outbox import enqueue_job
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import AnyArguments, TaskName
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import (
    PermanentError,
    RetryPolicy,
    create_worker_app,
    platform_task,
    report_progress,
    running_in_process,
)
from shared.utilities.worker.claims import RedisClaimTaker
from shared.utilities.worker.repository import find_run
from tests.worker_in_process import worker_on_this_loop

QUEUE = "runtime_probe"
UNCONSUMED = "runtime_probe_jobs"

app = create_worker_app("probe", ServiceSettings(), queues=[QUEUE])
# A second service's worker app, as when two in-process workers share the embedded process.
OTHER_QUEUE = "runtime_probe_other"
other = create_worker_app("other", ServiceSettings(), queues=[OTHER_QUEUE])
effects: list[tuple[str, dict]] = []


def probe(name: str) -> TaskName:
    return TaskName(name, AnyArguments)


class Flaky(Exception):
    pass


@platform_task(app, probe(f"{QUEUE}.record"), backoff_seconds=0.01)
async def record(**kwargs) -> dict:
    effects.append(("record", kwargs))
    return {"recorded": kwargs}


@platform_task(app, probe(f"{QUEUE}.flaky"), max_retries=3, backoff_seconds=0.01, retry_on=(Flaky,))
async def flaky(failures: int, key: str) -> str:
    effects.append(("flaky", {"key": key}))
    if sum(1 for name, kwargs in effects if kwargs == {"key": key}) <= failures:
        raise Flaky("not yet")
    return "done"


@platform_task(app, probe(f"{QUEUE}.refuse"), backoff_seconds=0.01)
async def refuse(key: str) -> None:
    effects.append(("refuse", {"key": key}))
    enqueue_job(probe(f"{UNCONSUMED}.after_refusal"), key=key)
    raise PermanentError("bad input")


@platform_task(app, probe(f"{QUEUE}.progress"))
async def progress() -> None:
    await report_progress(2, 5, stage="rows")


@platform_task(app, probe(f"{QUEUE}.ask"))
async def ask(key: str) -> None:
    enqueue_job(probe(f"{UNCONSUMED}.follow_up"), key=key)


@platform_task(app, probe(f"{QUEUE}.request_id"))
async def request_id() -> str:
    return context.request_id.get()


@platform_task(other, probe(f"{OTHER_QUEUE}.echo"))
async def echo(value: int) -> int:
    return value


@pytest.fixture
async def worker(mongo):
    effects.clear()
    async with worker_on_this_loop(app):
        yield


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


@pytest.fixture
def broker():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.delete(UNCONSUMED)
    yield client
    client.delete(UNCONSUMED)
    client.close()


async def finished(task_id: str):
    """Wait (off the event loop, which runs the bodies) for the task's final state. A worker in
    this process marks it as one where waiting for a result would block a task: not here."""
    result = app.AsyncResult(task_id)
    await anyio.to_thread.run_sync(
        lambda: result.get(timeout=30, propagate=False, disable_sync_subtasks=False)
    )
    return result


def new_id() -> str:
    return uuid.uuid4().hex


async def test_a_task_runs_its_body_and_stores_its_result(worker, sender):
    task_id = await sender.send(f"{QUEUE}.record", {"n": 1}, new_id())

    result = await finished(task_id)

    assert result.result == {"recorded": {"n": 1}}
    run = await find_run(task_id)
    assert (run.status, run.attempts, run.result) == (
        TaskStatus.COMPLETED,
        1,
        {"recorded": {"n": 1}},
    )


async def test_a_task_delivered_twice_has_its_effect_once(worker, sender):
    task_id = new_id()
    await sender.send(f"{QUEUE}.record", {"n": 2}, task_id)
    await sender.send(f"{QUEUE}.record", {"n": 2}, task_id)
    # One queue, one solo worker: the deliveries are handled in order.
    await finished(await sender.send(f"{QUEUE}.record", {"n": 3}, new_id()))

    assert effects == [("record", {"n": 2}), ("record", {"n": 3})]
    run = await find_run(task_id)
    assert run.attempts == 1


async def test_a_task_whose_claim_cannot_be_taken_comes_back_later(worker, sender, monkeypatch):
    claim, calls = RedisClaimTaker.claim, []

    def unreachable_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise ConnectionError("Redis is unreachable")
        return claim(*args, **kwargs)

    monkeypatch.setattr(RedisClaimTaker, "claim", unreachable_once)
    task_id = await sender.send(f"{QUEUE}.record", {"n": 5}, new_id())

    result = await finished(task_id)

    assert result.result == {"recorded": {"n": 5}}
    assert len(calls) == 2
    assert (await find_run(task_id)).attempts == 1


async def test_a_failing_task_is_retried_until_it_succeeds(worker, sender):
    task_id = await sender.send(f"{QUEUE}.flaky", {"failures": 2, "key": "k1"}, new_id())

    result = await finished(task_id)

    assert result.result == "done"
    run = await find_run(task_id)
    assert (run.status, run.attempts, run.error) == (TaskStatus.COMPLETED, 3, None)


async def test_a_task_out_of_retries_is_dead_lettered_with_what_it_was_sent(worker, sender):
    kwargs = {"failures": 10, "key": "k2"}
    task_id = await sender.send(f"{QUEUE}.flaky", kwargs, new_id())

    result = await finished(task_id)

    assert result.state == "FAILURE"
    assert len(effects) == 4  # the first attempt and max_retries=3 retries
    run = await find_run(task_id)
    assert (run.status, run.attempts) == (TaskStatus.DEAD, 4)
    letter = await DeadLetter.find_one(DeadLetter.task_id == task_id)
    assert (letter.task_name, letter.kwargs, letter.attempts, letter.redriven_at) == (
        f"{QUEUE}.flaky",
        kwargs,
        4,
        None,
    )
    assert letter.error == "Flaky: not yet"


async def test_a_permanent_error_is_dead_lettered_without_a_retry(worker, sender):
    task_id = await sender.send(f"{QUEUE}.refuse", {"key": "k3"}, new_id())

    await finished(task_id)

    assert effects == [("refuse", {"key": "k3"})]
    letter = await DeadLetter.find_one(DeadLetter.task_id == task_id)
    assert (letter.attempts, letter.error) == (1, "PermanentError: bad input")


async def test_a_dead_task_delivered_again_does_not_run(worker, sender):
    task_id = new_id()
    await finished(await sender.send(f"{QUEUE}.refuse", {"key": "k4"}, task_id))

    await sender.send(f"{QUEUE}.refuse", {"key": "k4"}, task_id)
    await finished(await sender.send(f"{QUEUE}.record", {"n": 4}, new_id()))

    assert effects == [("refuse", {"key": "k4"}), ("record", {"n": 4})]


async def test_jobs_asked_for_by_a_body_are_sent_when_it_succeeds(worker, sender, broker):
    await finished(await sender.send(f"{QUEUE}.ask", {"key": "k5"}, new_id()))

    assert broker.llen(UNCONSUMED) == 1


async def test_jobs_asked_for_by_a_failing_body_are_not_sent(worker, sender, broker):
    await finished(await sender.send(f"{QUEUE}.refuse", {"key": "k6"}, new_id()))

    assert broker.llen(UNCONSUMED) == 0


async def test_progress_reported_by_a_body_is_stored_on_its_run(worker, sender):
    task_id = await sender.send(f"{QUEUE}.progress", {}, new_id())

    await finished(task_id)

    run = await find_run(task_id)
    assert run.progress == {"current": 2, "total": 5, "stage": "rows"}


async def test_the_senders_request_id_is_the_bodys_request_id(worker, sender):
    token = context.request_id.set("req-123")
    try:
        task_id = await sender.send(f"{QUEUE}.request_id", {}, new_id())
    finally:
        context.request_id.reset(token)

    result = await finished(task_id)

    assert result.result == "req-123"


def test_the_worker_consumes_exactly_the_queues_it_was_made_with():
    made = create_worker_app("probe", ServiceSettings(), queues=["webhook", "hooks"])

    assert set(made.amqp.queues) == {"webhook", "hooks"}


def test_a_task_is_routed_to_the_queue_its_name_starts_with():
    route = app.amqp.router.route({}, f"{QUEUE}.record")

    assert route["queue"].name == QUEUE


def test_tasks_are_acknowledged_after_running_and_handed_back_by_a_dying_worker():
    made = create_worker_app("probe", ServiceSettings(), queues=["q"], longest_task_seconds=100)

    assert made.conf.task_acks_late is True
    assert made.conf.task_reject_on_worker_lost is True
    assert made.conf.worker_prefetch_multiplier == 1
    assert made.conf.broker_transport_options["visibility_timeout"] > made.conf.task_time_limit


def test_retry_delays_are_jittered_below_an_exponential_bound_and_a_cap():
    policy = RetryPolicy(max_retries=10, backoff_seconds=1, max_backoff_seconds=5, retry_on=())

    delays = {attempt: [policy.delay(attempt) for _ in range(200)] for attempt in (1, 2, 3, 8)}

    assert all(0 <= d <= 1 for d in delays[1])
    assert all(0 <= d <= 2 for d in delays[2])
    assert all(0 <= d <= 4 for d in delays[3])
    assert all(0 <= d <= 5 for d in delays[8])
    assert len(set(delays[8])) > 1


async def test_two_in_process_workers_each_run_their_own_apps_tasks(mongo, sender):
    async with running_in_process(app), running_in_process(other):
        mine = await sender.send(f"{QUEUE}.record", {"n": 6}, new_id())
        theirs = await sender.send(f"{OTHER_QUEUE}.echo", {"value": 7}, new_id())

        assert (await finished(mine)).result == {"recorded": {"n": 6}}
        assert (await finished(theirs)).result == 7
