"""Providers the platform uses with its own account rather than an account's connection:
Wasabi (the platform's bucket), Duda (its partner account) and Cloudflare (its SaaS zone).
Their clients are made once, in the app's lifespan, from the platform's settings."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from external_api.integrations.cloudflare.client import CloudflareClient
from external_api.integrations.cloudflare.routes import router as cloudflare_router
from external_api.integrations.duda.builder import SiteBuilder
from external_api.integrations.duda.client import DudaClient
from external_api.integrations.duda.local import LocalSiteBuilder
from external_api.integrations.duda.routes import router as duda_router
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.wasabi.routes import router as wasabi_router
from external_api.integrations.wasabi.storage import WasabiStorage
from external_api.settings import ExternalApiSettings
from shared.utilities.settings import RunMode
from shared.utilities.upstream import http_client

PLATFORM_ROUTERS = [duda_router, wasabi_router, cloudflare_router]


def platform_lifespan(
    transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], Awaitable[None]] | None = None,
):
    """`transport` and `sleep` stand in for the network and the waits between retries, in tests."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings: ExternalApiSettings = app.state.settings
        app.state.wasabi = WasabiStorage(settings.wasabi)
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_client(*timeouts, transport) as client:
            app.state.duda = duda_client(settings, client, sleep)
            app.state.cloudflare = cloudflare_client(settings, client, sleep)
            yield

    return lifespan


def duda_client(
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
) -> SiteBuilder | None:
    """Duda's API once the platform's Duda credentials are set; without them, the local
    stand-in in embedded mode, and None in distributed mode (its routes then answer 503)."""
    if not settings.duda.username:
        if settings.mode is RunMode.DISTRIBUTED:
            return None
        return LocalSiteBuilder(settings.mode, f"http://{settings.host}:{settings.port}")
    http = ProviderHttp(
        "Duda",
        client,
        settings.duda.api_url,
        attempts=settings.retry_attempts,
        max_wait=settings.retry_max_wait_seconds,
        sleep=sleep,
    )
    return DudaClient(http, settings.duda.username, settings.duda.password.get_secret_value())


def cloudflare_client(
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
) -> CloudflareClient | None:
    """None until the platform's Cloudflare token is set: custom domains then get no TLS here."""
    cloudflare = settings.cloudflare
    token = cloudflare.api_token.get_secret_value()
    if not token:
        return None
    http = ProviderHttp(
        "Cloudflare",
        client,
        cloudflare.api_url,
        attempts=settings.retry_attempts,
        max_wait=settings.retry_max_wait_seconds,
        sleep=sleep,
    )
    return CloudflareClient(http, token, cloudflare.zone_id, cloudflare.min_tls_version)
