"""A CRM's rate limit across processes, counted in Redis: calls past the window's allowance
wait for the next window, and a provider's Retry-After makes every caller wait."""

import os

import pytest
from beanie import PydanticObjectId
from redis.asyncio import Redis

from shared.domain.crm_sync.adapter import RateLimit
from shared.domain.crm_sync.limiter import ProviderLimiter


@pytest.fixture
async def redis():
    client = Redis.from_url(os.environ["REDIS_URL"])
    yield client
    await client.aclose()


def limiter_on(redis, waits: list[float], now: float = 1000.0) -> ProviderLimiter:
    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        clock.now += seconds

    class Clock:
        def __call__(self) -> float:
            return self.now

    clock = Clock()
    clock.now = now
    account = str(PydanticObjectId())
    return ProviderLimiter(redis, "memory", account, RateLimit(2, 10), sleep=sleep, clock=clock)


async def test_calls_within_the_allowance_go_at_once(redis):
    waits: list[float] = []
    limiter = limiter_on(redis, waits, now=1000.0)

    await limiter.acquire()
    await limiter.acquire()

    assert waits == []


async def test_a_call_past_the_allowance_waits_for_the_next_window(redis):
    waits: list[float] = []
    limiter = limiter_on(redis, waits, now=1004.0)

    for _ in range(3):
        await limiter.acquire()

    assert waits == [6.0]  # the window 1000-1010 is full: the third call goes at 1010


async def test_a_retry_after_holds_every_caller_off(redis):
    waits: list[float] = []
    limiter = limiter_on(redis, waits)
    await limiter.hold_off(5)

    await limiter.acquire()

    assert waits == [5.0]
