"""Providers the platform uses with its own account rather than an account's connection:
Wasabi (the platform's bucket), Duda (its partner account), Cloudflare (its SaaS zone),
RapidAPI and Beamer (its keys) and FCM (its Firebase project, for the notifications service's
push). Their clients are made once, in the app's lifespan, from the platform's settings.

Google Maps is a platform provider too, used by the Google Maps service with its own settings;
the external API reads whether that is set, to list it."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from external_api.integrations.beamer.client import TITLE as BEAMER
from external_api.integrations.beamer.client import BeamerClient
from external_api.integrations.beamer.routes import router as beamer_router
from external_api.integrations.cloudflare.client import CloudflareClient
from external_api.integrations.cloudflare.routes import router as cloudflare_router
from external_api.integrations.duda.builder import SiteBuilder
from external_api.integrations.duda.client import DudaClient
from external_api.integrations.duda.local import LocalSiteBuilder
from external_api.integrations.duda.routes import router as duda_router
from external_api.integrations.fcm.client import SCOPE as FCM_SCOPE
from external_api.integrations.fcm.client import TITLE as FCM
from external_api.integrations.fcm.client import FcmClient
from external_api.integrations.fcm.google_oauth import ServiceAccount, ServiceAccountTokens
from external_api.integrations.fcm.routes import router as fcm_router
from external_api.integrations.framework.errors import refused_when_401
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.provider import PlatformProvider
from external_api.integrations.rapidapi.client import TITLE as RAPIDAPI
from external_api.integrations.rapidapi.client import BusinessSearch
from external_api.integrations.rapidapi.routes import router as rapidapi_router
from external_api.integrations.wasabi.routes import router as wasabi_router
from external_api.integrations.wasabi.storage import WasabiStorage
from external_api.settings import ExternalApiSettings
from shared.utilities.settings import RunMode
from shared.utilities.upstream import http_client

PLATFORM_ROUTERS = [
    duda_router,
    wasabi_router,
    cloudflare_router,
    rapidapi_router,
    beamer_router,
    fcm_router,
]

PLATFORM_PROVIDERS: tuple[PlatformProvider, ...] = (
    PlatformProvider("duda", "Duda", lambda settings: bool(settings.duda.username)),
    PlatformProvider("wasabi", "Wasabi", lambda settings: bool(settings.wasabi.bucket)),
    PlatformProvider(
        "cloudflare",
        "Cloudflare for SaaS",
        lambda settings: bool(settings.cloudflare.api_token.get_secret_value()),
    ),
    PlatformProvider(
        "rapidapi",
        RAPIDAPI,
        lambda settings: bool(settings.rapidapi.api_key.get_secret_value()),
    ),
    PlatformProvider(
        "beamer", BEAMER, lambda settings: bool(settings.beamer.api_key.get_secret_value())
    ),
    PlatformProvider("fcm", FCM, lambda settings: settings.fcm.configured()),
    PlatformProvider(
        "google-maps",
        "Google Maps",
        lambda settings: bool(settings.google_maps_api_key.get_secret_value()),
    ),
)


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
            app.state.rapidapi = rapidapi_search(settings, client, sleep)
            app.state.beamer = beamer_client(settings, client, sleep)
            app.state.fcm = fcm_client(settings, client, sleep)
            yield

    return lifespan


def platform_http(
    title: str,
    base_url: str,
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
    refused: Callable[[httpx.Response], bool] = refused_when_401,
) -> ProviderHttp:
    """A platform provider's HTTP, retried as the settings say."""
    return ProviderHttp(
        title,
        client,
        base_url,
        attempts=settings.retry_attempts,
        max_wait=settings.retry_max_wait_seconds,
        sleep=sleep,
        refused=refused,
    )


def platform_refusal(response: httpx.Response) -> bool:
    """A refused platform key is the platform's to fix, never an account's to reconnect."""
    return False


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
    http = platform_http("Duda", settings.duda.api_url, settings, client, sleep)
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
    http = platform_http("Cloudflare", cloudflare.api_url, settings, client, sleep)
    return CloudflareClient(http, token, cloudflare.zone_id, cloudflare.min_tls_version)


def rapidapi_search(
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
) -> BusinessSearch | None:
    """None until the platform's RapidAPI key is set (LeadFinder then answers 503). A refused
    key is the platform's to fix, never an account's to reconnect: no answer refuses it."""
    rapidapi = settings.rapidapi
    key = rapidapi.api_key.get_secret_value()
    if not key:
        return None
    http = platform_http(
        RAPIDAPI,
        f"https://{rapidapi.business_search_host}",
        settings,
        client,
        sleep,
        refused=platform_refusal,
    )
    return BusinessSearch(http, key, rapidapi.business_search_host)


def beamer_client(
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
) -> BeamerClient | None:
    """None until the platform's Beamer key is set; a refused key is the platform's to fix."""
    beamer = settings.beamer
    key = beamer.api_key.get_secret_value()
    if not key:
        return None
    http = platform_http(BEAMER, beamer.api_url, settings, client, sleep, refused=platform_refusal)
    return BeamerClient(http, key, beamer.category)


def fcm_client(
    settings: ExternalApiSettings,
    client: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[None]] | None,
) -> FcmClient | None:
    """None until the platform's Firebase service account is set (push then answers 503). A
    refused token is the platform's to fix, never an account's to reconnect."""
    fcm = settings.fcm
    if not fcm.configured():
        return None
    http = platform_http(FCM, fcm.api_url, settings, client, sleep, refused=platform_refusal)
    account = ServiceAccount.from_json(fcm.service_account_json.get_secret_value())
    return FcmClient(http, fcm.project_id, ServiceAccountTokens(http, account, FCM_SCOPE))
