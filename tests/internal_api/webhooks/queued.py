"""Waiting for what a request queued for Celery: its outbox leaves after the response, so a
test reads the broker's queue once the expected number of tasks is in."""

import asyncio
from typing import Any

from redis.asyncio import Redis

from tests.conversation_socket.queued import queued_kwargs

WAIT_SECONDS = 10


async def queued_soon(redis: Redis, queue: str, count: int = 1) -> list[dict[str, Any]]:
    """The kwargs of the tasks in the queue, oldest first, once there are `count` of them."""
    async with asyncio.timeout(WAIT_SECONDS):
        while await redis.llen(queue) < count:  # noqa: ASYNC110 (nothing to await but Redis)
            await asyncio.sleep(0.02)
    return await queued_kwargs(redis, queue)


async def events_published(redis: Redis, count: int) -> list[dict[str, Any]]:
    """The platform events queued for hooks.dispatch, once `count` are in."""
    return [kwargs["event"] for kwargs in await queued_soon(redis, "hooks", count)]
