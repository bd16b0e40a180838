"""Redis clients: the real server at REDIS_URL, or an in-process substitute when it is empty."""

import logging

from fakeredis import FakeServer
from fakeredis.aioredis import FakeRedis
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

MAX_CONNECTIONS = 64
POOL_WAIT_SECONDS = 5

# One substitute server per process, so the embedded services share it as they would share Redis.
_in_process_server = FakeServer()


def in_process_redis(**options) -> Redis:
    return FakeRedis(server=_in_process_server, **options)


def create_redis(url: str) -> Redis:
    if not url:
        logger.warning("REDIS_URL is empty: using an in-process Redis substitute")
        return in_process_redis(decode_responses=True)
    # A restarted Redis leaves stale connections: retry a command on a fresh one instead of
    # failing it. A burst (a thousand sockets connecting at once) waits for a connection
    # rather than failing with "Too many connections".
    pool = BlockingConnectionPool.from_url(
        url,
        decode_responses=True,
        health_check_interval=30,
        max_connections=MAX_CONNECTIONS,
        timeout=POOL_WAIT_SECONDS,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=1.0), retries=3),
        retry_on_error=[ConnectionError, TimeoutError],
    )
    return Redis.from_pool(pool)


async def ping(client: Redis) -> bool:
    try:
        return bool(await client.ping())
    except Exception:
        return False
