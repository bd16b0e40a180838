"""The services' Redis client rides out a Redis restart and a burst of commands."""

import asyncio

from shared.utilities.redis import MAX_CONNECTIONS, create_redis
from tests.own_redis import needs_redis_server

pytestmark = needs_redis_server


async def test_a_command_after_a_redis_restart_succeeds_on_a_fresh_connection(own_redis):
    client = create_redis(own_redis.url)
    await client.set("before", "1")

    await own_redis.stop()
    await own_redis.start()

    assert await client.set("after", "1") is True
    await client.aclose()


async def test_a_burst_beyond_the_pool_waits_for_connections_instead_of_failing(own_redis):
    client = create_redis(own_redis.url)

    await asyncio.gather(*(client.incr("burst") for _ in range(MAX_CONNECTIONS * 10)))

    assert await client.get("burst") == str(MAX_CONNECTIONS * 10)
    await client.aclose()
