"""Claims: one winner per task id, a dead worker's lease taken over, settled runs left alone;
the same rules on Redis (distributed mode) and in the process (embedded mode without Redis)."""

import asyncio
import os
import uuid

import pytest
from redis import Redis as SyncRedis

from shared.utilities.redis import create_redis
from shared.utilities.worker.claims import (
    ClaimState,
    InProcessClaims,
    Outcome,
    RedisClaims,
    RedisClaimTaker,
    Status,
)

LEASE = 60.0
KEEP = 3600


class Both:
    """Claims taken (in Celery's thread) and changed (on the loop), as the runtime does."""

    def __init__(self, taker, store) -> None:
        self.claim = taker.claim
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture(params=["redis", "in_process"])
async def claims(request):
    if request.param == "in_process":
        in_process = InProcessClaims(KEEP)
        yield Both(in_process, in_process)
        return
    taker = RedisClaimTaker(SyncRedis.from_url(os.environ["REDIS_URL"]), KEEP)
    store = RedisClaims(create_redis(os.environ["REDIS_URL"]))
    yield Both(taker, store)
    taker.close()
    await store.close()


def new_id() -> str:
    return uuid.uuid4().hex


async def test_the_first_delivery_is_new(claims):
    claim = claims.claim(new_id(), "w1:1", LEASE)

    assert (claim.outcome, claim.attempts) == (Outcome.NEW, 1)


async def test_a_live_claim_holds_off_another_worker(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert claim.outcome is Outcome.HELD
    assert 0 < claim.seconds_left <= LEASE


async def test_a_lapsed_lease_is_taken_over_counting_an_attempt(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", lease_seconds=0.05)
    await asyncio.sleep(0.1)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert (claim.outcome, claim.attempts) == (Outcome.TAKEN, 2)


async def test_a_renewed_lease_does_not_lapse(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", lease_seconds=0.2)
    await asyncio.sleep(0.1)
    await claims.renew([task_id], "w1:1", LEASE)
    await asyncio.sleep(0.2)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert claim.outcome is Outcome.HELD


async def test_another_workers_renewal_changes_nothing(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", lease_seconds=0.05)
    await claims.renew([task_id], "w2:1", LEASE)
    await asyncio.sleep(0.1)

    claim = claims.claim(task_id, "w3:1", LEASE)

    assert claim.outcome is Outcome.TAKEN


async def test_a_claim_released_for_a_retry_is_taken_at_once(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)
    await claims.release(task_id, "w1:1", Status.RETRYING, uncount=False)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert (claim.outcome, claim.attempts) == (Outcome.TAKEN, 2)


async def test_a_handed_back_claim_does_not_count_the_attempt(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)
    await claims.release(task_id, "w1:1", Status.QUEUED, uncount=True)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert (claim.outcome, claim.attempts) == (Outcome.TAKEN, 1)


async def test_only_the_owner_releases_its_claim(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)
    await claims.release(task_id, "w2:1", Status.QUEUED, uncount=True)

    assert await claims.state(task_id) == ClaimState(Status.RUNNING, 1)


@pytest.mark.parametrize("status", [Status.DONE, Status.DEAD])
async def test_a_settled_run_is_not_claimed_again(claims, status):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)
    await claims.settle(task_id, status)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert claim.outcome is Outcome.SETTLED


async def test_a_redriven_dead_run_is_claimed_with_its_attempts_from_zero(claims):
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)
    await claims.settle(task_id, Status.DEAD)

    await claims.requeue(task_id)
    claim = claims.claim(task_id, "w2:1", LEASE)

    assert (claim.outcome, claim.attempts) == (Outcome.TAKEN, 1)


async def test_an_unknown_task_has_no_claim(claims):
    task_id = new_id()
    await claims.settle(task_id, Status.DONE)
    await claims.requeue(task_id)

    assert await claims.state(task_id) is None


def test_a_claim_is_forgotten_after_its_keeping_time():
    claims = InProcessClaims(keep_seconds=0)
    task_id = new_id()
    claims.claim(task_id, "w1:1", LEASE)

    claim = claims.claim(task_id, "w2:1", LEASE)

    assert claim.outcome is Outcome.NEW


def test_a_redis_claim_expires_after_its_keeping_time():
    redis = SyncRedis.from_url(os.environ["REDIS_URL"])
    claims, task_id = RedisClaimTaker(redis, KEEP), new_id()

    claims.claim(task_id, "w1:1", LEASE)

    assert 0 < redis.ttl(f"task-claim:{task_id}") <= KEEP
    claims.close()


async def test_of_racing_deliveries_one_wins(claims):
    task_id = new_id()

    outcomes = await asyncio.gather(
        *(asyncio.to_thread(claims.claim, task_id, f"w{n}:1", LEASE) for n in range(10))
    )

    assert sorted(claim.outcome for claim in outcomes) == [Outcome.HELD] * 9 + [Outcome.NEW]
