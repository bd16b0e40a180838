import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from notifications.deliveries.dispatch import dispatcher_for
from notifications.deliveries.routes import router as deliveries_router
from notifications.deliveries.sweep import sweep_forever
from notifications.outbox.routes import router as outbox_router
from notifications.preferences.routes import router as preferences_router
from notifications.providers.registry import providers_for
from notifications.settings import NotificationsSettings
from notifications.templates.routes import router as templates_router
from notifications.unsubscribe.routes import router as unsubscribe_router
from notifications.webhooks.routes import router as webhooks_router
from shared.utilities.app import create_app as create_service_app
from shared.utilities.upstream import http_client


def create_app(
    settings: NotificationsSettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def sending(app: FastAPI) -> AsyncIterator[None]:
        """The providers, what hands deliveries to them, and the sweep (notifications.
        deliveries.sweep)."""
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_client(*timeouts, transport) as client:
            app.state.providers = providers_for(settings, client)
            app.state.dispatcher = dispatcher_for(settings, app.state.providers)
            sweep = asyncio.create_task(
                sweep_forever(
                    app.state.dispatcher,
                    app.state.senders,
                    settings.sweep_seconds,
                    settings.stale_seconds,
                )
            )
            try:
                yield
            finally:
                sweep.cancel()
                await asyncio.gather(sweep, return_exceptions=True)
                await app.state.dispatcher.stop()

    return create_service_app(
        settings,
        title="Notifications",
        routers=[
            deliveries_router,
            templates_router,
            preferences_router,
            outbox_router,
            webhooks_router,
            unsubscribe_router,
        ],
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[sending],
    )
