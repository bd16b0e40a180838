import asyncio
import contextlib
from collections.abc import AsyncIterator
from functools import partial

import httpx
from fastapi import FastAPI

from notifications.deliveries.dispatch import dispatcher_for
from notifications.deliveries.receipts import poll_receipts
from notifications.deliveries.routes import router as deliveries_router
from notifications.deliveries.sweep import run_every, sweep
from notifications.outbox.routes import router as outbox_router
from notifications.preferences.routes import router as preferences_router
from notifications.providers.registry import providers_for
from notifications.settings import NotificationsSettings
from notifications.templates.render_pool import RenderPool
from notifications.templates.rendering import TemplateRenderer
from notifications.templates.routes import router as templates_router
from notifications.unsubscribe.routes import router as unsubscribe_router
from notifications.webhooks.routes import router as webhooks_router
from shared.utilities.app import create_app as create_service_app
from shared.utilities.upstream import http_client


def render_pool_for(settings: NotificationsSettings) -> RenderPool:
    return RenderPool(
        settings.render_workers,
        settings.render_timeout_seconds,
        settings.render_output_limit,
        settings.render_memory_mb,
    )


def create_app(
    settings: NotificationsSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    render_pool: RenderPool | None = None,
) -> FastAPI:
    """`transport` stands in for the network, and `render_pool` (kept open by its owner) for
    the service's own render workers, in tests."""

    @contextlib.asynccontextmanager
    async def rendering(app: FastAPI) -> AsyncIterator[None]:
        """The render workers templates run in (notifications.templates.render_pool)."""
        pool = render_pool or render_pool_for(settings)
        app.state.renderer = TemplateRenderer(pool)
        try:
            yield
        finally:
            if render_pool is None:
                pool.close()

    @contextlib.asynccontextmanager
    async def sending(app: FastAPI) -> AsyncIterator[None]:
        """The providers, what hands deliveries to them, the sweep (notifications.deliveries.
        sweep) and the poll of Expo's receipts (notifications.deliveries.receipts)."""
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_client(*timeouts, transport) as client:
            providers = app.state.providers = providers_for(settings, client)
            app.state.dispatcher = dispatcher_for(settings, providers)
            sweeping = partial(
                sweep, app.state.dispatcher, app.state.senders, settings.stale_seconds
            )
            loops = [run_every(settings.sweep_seconds, "the delivery sweep", sweeping)]
            if providers.expo_receipts:
                every = settings.expo_receipt_poll_seconds
                polling = partial(poll_receipts, providers.expo_receipts, every, app.state.senders)
                loops.append(run_every(every, "the Expo receipt poll", polling))
            running = [asyncio.create_task(loop) for loop in loops]
            try:
                yield
            finally:
                for task in running:
                    task.cancel()
                await asyncio.gather(*running, return_exceptions=True)
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
        lifespans=[rendering, sending],
    )
