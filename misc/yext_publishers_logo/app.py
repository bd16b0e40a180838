import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from misc.yext_publishers_logo.logos.host import LogoHost
from misc.yext_publishers_logo.logos.routes import router as logos_router
from misc.yext_publishers_logo.logos.schemas import Logo
from misc.yext_publishers_logo.logos.service import LogoLibrary
from misc.yext_publishers_logo.settings import YextPublishersLogoSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.cache import RedisCache
from shared.utilities.settings import env_name
from shared.utilities.upstream import http_client


def create_app(
    settings: YextPublishersLogoSettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def logos(app: FastAPI) -> AsyncIterator[None]:
        async with http_client(
            settings.connect_timeout_seconds, settings.read_timeout_seconds, transport
        ) as client:
            host = LogoHost(
                client,
                settings.url_template,
                settings.max_bytes,
                env_name(YextPublishersLogoSettings, "url_template"),
            )
            cache = RedisCache(app.state.redis, "yext_logos", Logo, settings.cache_seconds)
            app.state.logos = LogoLibrary(host, cache)
            yield

    return create_service_app(
        settings,
        title="Yext publisher logos",
        routers=[logos_router],
        uses_redis=True,
        lifespans=[logos],
    )
