"""Redis clients: the real server at REDIS_URL, or an in-process substitute when it is empty."""

import logging

from fakeredis import FakeServer
from fakeredis.aioredis import FakeRedis
from redis.asyncio import Redis

logger = logging.getLogger(__name__)

# One substitute server per process, so the embedded services share it as they would share Redis.
_in_process_server = FakeServer()


def in_process_redis(**options) -> Redis:
    return FakeRedis(server=_in_process_server, **options)


def create_redis(url: str) -> Redis:
    if not url:
        logger.warning("REDIS_URL is empty: using an in-process Redis substitute")
        return in_process_redis(decode_responses=True)
    return Redis.from_url(url, decode_responses=True, health_check_interval=30)


async def ping(client: Redis) -> bool:
    try:
        return bool(await client.ping())
    except Exception:
        return False
