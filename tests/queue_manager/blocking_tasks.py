"""A task for the worker-lost test, imported by the worker it starts (`--include`): it notes
that it started, waits to be released, then has its effect, all in Redis, which the test
process and every worker share."""

import asyncio
import os

import redis.asyncio as redis

from queue_manager.celery import app
from shared.utilities.task_names import AnyArguments, TaskName
from shared.utilities.worker import platform_task

QUEUE = "blocking_probe"


@platform_task(app, TaskName(f"{QUEUE}.count_when_released", AnyArguments))
async def count_when_released(key: str) -> int:
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    try:
        await client.rpush(f"{key}:started", os.getpid())
        # A marker read, not popped: a blocking pop could hand it to the killed worker's
        # connection, which Redis may not yet know is closed.
        while not await client.exists(f"{key}:released"):  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        return await client.incr(f"{key}:effect")
    finally:
        await client.aclose()
