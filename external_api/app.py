from collections.abc import Awaitable, Callable, Sequence

import httpx
from fastapi import APIRouter, FastAPI

from external_api.integrations.catalogue import LISTINGS
from external_api.integrations.crm_sync.routes import router as crm_sync_router
from external_api.integrations.framework.provider import Provider
from external_api.integrations.framework.routes import connect_router
from external_api.integrations.framework.routes import router as integrations_router
from external_api.integrations.framework.runtime import integrations_lifespan
from external_api.integrations.platform import (
    PLATFORM_PROVIDERS,
    PLATFORM_ROUTERS,
    platform_lifespan,
)
from external_api.integrations.registry import PROVIDERS
from external_api.integrations.reports.sync_routes import router as analytics_router
from external_api.settings import ExternalApiSettings
from shared.utilities.app import create_app as create_service_app


def provider_routers(providers: Sequence[Provider]) -> list[APIRouter]:
    routers = [integrations_router]
    for provider in providers:
        routers.append(connect_router(provider))
        if provider.router:
            routers.append(provider.router)
    return routers


def create_app(
    settings: ExternalApiSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    *,
    providers: Sequence[Provider] = PROVIDERS,
    sleep: Callable[[float], Awaitable[None]] | None = None,
) -> FastAPI:
    """`transport` stands in for every provider's network and `sleep` for the waits between
    retries, in tests; `providers` narrows or extends the registry."""
    return create_service_app(
        settings,
        title="External API",
        routers=[
            *provider_routers(providers),
            *PLATFORM_ROUTERS,
            analytics_router,
            crm_sync_router,
        ],
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[
            integrations_lifespan(providers, transport, sleep, PLATFORM_PROVIDERS, LISTINGS),
            platform_lifespan(transport, sleep),
        ],
        body_limits=webhook_body_limits(settings, providers),
    )


def webhook_body_limits(
    settings: ExternalApiSettings, providers: Sequence[Provider]
) -> dict[str, int]:
    """Every provider's webhooks take bodies up to EXTERNAL_API_WEBHOOK_MAX_BYTES."""
    return {
        f"/v1/e/{provider.name}/webhooks/": settings.webhook_max_bytes for provider in providers
    }
