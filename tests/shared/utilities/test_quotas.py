"""Quotas held by several subjects at once: taken from all of them or from none, atomically,
and settled afterwards; on the tests' real Redis."""

import asyncio
import os
import time
import uuid

import pytest

from shared.utilities.quotas import Counter, Quotas
from shared.utilities.redis import create_redis


@pytest.fixture
async def quotas():
    redis = create_redis(os.environ["REDIS_URL"])
    yield Quotas(redis)
    await redis.aclose()


def counters(account_cap: int, agency_cap: int) -> list[Counter]:
    tag = uuid.uuid4().hex
    return [
        Counter(f"test:quota:{{{tag}}}:account", account_cap, "account"),
        Counter(f"test:quota:{{{tag}}}:agency", agency_cap, "agency"),
    ]


def in_an_hour() -> int:
    return int(time.time()) + 3600


async def values(quotas: Quotas, held: list[Counter]) -> list[int]:
    return [int(value or 0) for value in await quotas.redis.mget([c.key for c in held])]


async def test_an_amount_within_every_cap_is_taken_from_each(quotas):
    held = counters(10, 20)

    refusal = await quotas.take(held, 4, in_an_hour())

    assert refusal is None
    assert await values(quotas, held) == [4, 4]


async def test_an_amount_past_one_cap_is_taken_from_none_and_names_it(quotas):
    held = counters(10, 5)
    await quotas.take(held, 4, in_an_hour())

    refusal = await quotas.take(held, 2, in_an_hour())

    assert (refusal.counter.holder, refusal.used) == ("agency", 4)
    assert 0 < refusal.seconds_left <= 3600
    assert await values(quotas, held) == [4, 4]


async def test_a_cap_of_zero_is_no_cap(quotas):
    held = counters(0, 0)

    assert await quotas.take(held, 10**9, in_an_hour()) is None


async def test_parallel_takes_never_pass_a_cap(quotas):
    held = counters(100, 0)

    refusals = await asyncio.gather(*(quotas.take(held, 7, in_an_hour()) for _ in range(50)))

    assert sum(refusal is None for refusal in refusals) == 100 // 7
    assert await values(quotas, held) == [98, 98]


async def test_a_new_counter_expires_when_told_and_keeps_its_expiry(quotas):
    held = counters(10, 10)
    await quotas.take(held, 1, int(time.time()) + 60)

    await quotas.take(held, 1, int(time.time()) + 3600)

    assert 0 < await quotas.redis.ttl(held[0].key) <= 60


async def test_adjusting_settles_every_counter_by_the_difference(quotas):
    held = counters(10, 10)
    await quotas.take(held, 8, in_an_hour())

    await quotas.adjust(held, -5)

    assert await values(quotas, held) == [3, 3]


async def test_adjusting_leaves_an_expired_counter_gone(quotas):
    held = counters(10, 10)

    await quotas.adjust(held, 5)

    assert await quotas.missing(held) == held


async def test_a_seed_starts_a_counter_only_once(quotas):
    held = counters(10, 10)
    await quotas.seed(held[0], 7, in_an_hour())

    await quotas.seed(held[0], 1, in_an_hour())

    assert await values(quotas, held) == [7, 0]
    assert await quotas.missing(held) == [held[1]]
