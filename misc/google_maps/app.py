import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from misc.google_maps.places.google import GoogleMaps
from misc.google_maps.places.routes import router as places_router
from misc.google_maps.places.service import Answer, Maps
from misc.google_maps.settings import GoogleMapsSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.cache import RedisCache
from shared.utilities.quotas import Quotas
from shared.utilities.upstream import http_client


def create_app(
    settings: GoogleMapsSettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def google_maps(app: FastAPI) -> AsyncIterator[None]:
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_client(*timeouts, transport) as client:
            google = GoogleMaps(client, settings.base_url, settings.api_key.get_secret_value())
            answers = RedisCache(
                app.state.redis, "google_maps:answers", Answer, settings.cache_seconds
            )
            app.state.maps = Maps(google, answers)
            app.state.quotas = Quotas(app.state.redis)
            yield

    return create_service_app(
        settings,
        title="Google Maps",
        routers=[places_router],
        uses_redis=True,
        lifespans=[google_maps],
    )
