"""The click stream on the test Redis, emptied (its consumer group with it) around each test,
and clicks appended to it as the redirect appends them."""

import os

import pytest

from shared.domain.short_links.clicks import CLICK_STREAM, LINK, visit_fields
from shared.models.short_link import ShortLink
from shared.utilities.redis import create_redis

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)


@pytest.fixture
async def redis():
    client = create_redis(os.environ["REDIS_URL"])
    await client.delete(CLICK_STREAM)
    yield client
    await client.delete(CLICK_STREAM)
    await client.aclose()


async def click(
    redis, link: ShortLink, referrer: str = "", country: str = "", user_agent: str = BROWSER
) -> str:
    """A click on the link, as the redirect records it; its entry id."""
    fields = {LINK: str(link.id), **visit_fields(referrer, country, user_agent)}
    return await redis.xadd(CLICK_STREAM, fields)
