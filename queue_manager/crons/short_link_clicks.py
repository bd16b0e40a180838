"""Stores the clicks on short links that the redirect recorded in its Redis stream, and counts
them by day (`short_links.drain`): every 30 seconds, so stats trail clicks by about that."""

from redis.asyncio import Redis

from queue_manager.celery import app, settings
from queue_manager.short_links.drain import drain
from shared.utilities.redis import create_redis
from shared.utilities.task_names import SHORT_LINK_CLICKS_RECORD
from shared.utilities.worker import PerLoop, platform_task

streams: PerLoop[Redis] = PerLoop(lambda: create_redis(settings.redis_url), close=Redis.aclose)


@platform_task(app, SHORT_LINK_CLICKS_RECORD)
async def record() -> int:
    """Returns how many clicks were handled."""
    return await drain(streams.get())
