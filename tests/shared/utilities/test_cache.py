"""RedisCache: models kept as JSON in Redis, fetched once per miss."""

import asyncio
import os
import uuid

import pytest
from pydantic import BaseModel

from shared.utilities.cache import RedisCache
from shared.utilities.redis import create_redis


class Rate(BaseModel):
    value: int


class Counter:
    """A fetch that counts its calls and answers the next value."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self) -> Rate:
        self.calls += 1
        await asyncio.sleep(0.01)  # long enough for concurrent callers to overlap
        return Rate(value=self.calls)


@pytest.fixture
async def redis():
    client = create_redis(os.environ["REDIS_URL"])
    yield client
    await client.aclose()


@pytest.fixture
def cache(redis) -> RedisCache[Rate]:
    return RedisCache(redis, f"test-{uuid.uuid4().hex}", Rate, ttl_seconds=60)


async def test_a_miss_fetches_and_stores(cache):
    fetch = Counter()

    assert await cache.get_or_fetch("eur", fetch) == Rate(value=1)
    assert await cache.get("eur") == Rate(value=1)


async def test_a_hit_does_not_fetch(cache):
    fetch = Counter()
    await cache.put("eur", Rate(value=7))

    assert await cache.get_or_fetch("eur", fetch) == Rate(value=7)
    assert fetch.calls == 0


async def test_a_stale_value_is_fetched_again(cache):
    fetch = Counter()
    await cache.put("eur", Rate(value=7))

    rate = await cache.get_or_fetch("eur", fetch, fresh=lambda cached: cached.value > 10)

    assert rate == Rate(value=1)


async def test_concurrent_misses_fetch_once(cache):
    fetch = Counter()

    rates = await asyncio.gather(*(cache.get_or_fetch("eur", fetch) for _ in range(5)))

    assert fetch.calls == 1
    assert all(rate.value == 1 for rate in rates)


async def test_values_expire_after_their_ttl(cache, redis):
    await cache.put("eur", Rate(value=7))

    assert 0 < await redis.ttl(f"{cache.prefix}:eur") <= 60


async def test_a_value_of_an_older_shape_counts_as_missing(cache, redis):
    await redis.set(f"{cache.prefix}:eur", '{"rate": "seven"}')

    assert await cache.get("eur") is None
