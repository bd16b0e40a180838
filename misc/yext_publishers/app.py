import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import httpx
from fastapi import FastAPI

from misc.yext_publishers.publishers.routes import router as publishers_router
from misc.yext_publishers.publishers.schemas import PublisherList
from misc.yext_publishers.publishers.service import PublisherDirectory
from misc.yext_publishers.publishers.yext import YextApi
from misc.yext_publishers.settings import YextPublishersSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.cache import RedisCache
from shared.utilities.settings import env_name
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def running_in_background(
    work: Callable[[asyncio.Event], Coroutine[Any, Any, None]],
) -> AsyncIterator[None]:
    """Runs `work(stopping)` meanwhile. Stopping is signalled as well as cancelled: a cancel that
    lands inside the Redis client can be swallowed there, and the loop would sleep on."""
    stopping = asyncio.Event()
    task = asyncio.create_task(work(stopping))
    try:
        yield
    finally:
        stopping.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def create_app(
    settings: YextPublishersSettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def publishers(app: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            client = await stack.enter_async_context(
                http_client(
                    settings.connect_timeout_seconds, settings.read_timeout_seconds, transport
                )
            )
            key_name = env_name(YextPublishersSettings, "api_key")
            yext = YextApi(
                client, settings.api_url, settings.api_key, settings.api_version, key_name
            )
            cache = RedisCache(app.state.redis, "yext_publishers", PublisherList)
            directory = PublisherDirectory(yext, cache, settings.refresh_seconds)
            app.state.publishers = directory
            if settings.api_key:
                await stack.enter_async_context(running_in_background(directory.keep_fresh))
            else:
                logger.warning("%s is empty: the Yext publishers list is not available", key_name)
            yield

    return create_service_app(
        settings,
        title="Yext publishers",
        routers=[publishers_router],
        uses_redis=True,
        lifespans=[publishers],
    )
