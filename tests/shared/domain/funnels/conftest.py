"""The render cache on the test Redis, for the domain's tests of hosted pages."""

import os

import pytest
from redis.asyncio import Redis

from shared.domain.funnels.render_cache import RenderCache


@pytest.fixture
async def cache():
    redis = Redis.from_url(os.environ["REDIS_URL"])
    yield RenderCache(redis, 60)
    await redis.aclose()
