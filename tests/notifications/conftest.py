"""The notification service in-process, its providers faked at the transport.

`configured_settings()` gives every provider its keys (pointing at the fakes) and push the
external API, run in-process with the platform's Firebase project (FCM and Google's token
endpoint faked at its transport, each answer tried once there: the retries are this service's);
plain `NotificationsSettings()` is a platform with none, whose sends go to the outbox.
"""

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from functools import cache

import httpx
import pytest
from asgi_lifespan import LifespanManager

from external_api.app import create_app as create_external_api
from external_api.integrations.fcm.client import FcmClient
from external_api.integrations.fcm.settings import FcmSettings
from notifications.app import create_app
from notifications.settings import NotificationsSettings
from notifications.templates.render_pool import RenderPool
from notifications.templates.rendering import TemplateRenderer
from shared.utilities.signatures import generate_ecdsa_key
from tests.external_api.conftest import external_settings
from tests.external_api.fakes.fcm import FCM_PROJECT, FCM_URL, service_account_json
from tests.notifications.fake_providers import EXPO_URL, SENDGRID_URL, TWILIO_URL, FakeProviders

SENDGRID_KEY = "SG.test-key"
TWILIO_SID = "AC" + "a" * 32
TWILIO_TOKEN = "twilio-auth-token"
FROM_NUMBER = "+15005550006"
FROM_ADDRESS = "notifications@example.com"
PUBLIC_URL = "https://app.platform.test"
EXTERNAL_API_URL = "http://external-api.test"


@cache
def sendgrid_webhook_keys():
    """(private key SendGrid would sign with, the public key as SendGrid shows it)."""
    return generate_ecdsa_key()


def configured_settings(**overrides) -> NotificationsSettings:
    fields = {
        "public_url": PUBLIC_URL,
        "sendgrid_api_key": SENDGRID_KEY,
        "sendgrid_base_url": SENDGRID_URL,
        "sendgrid_webhook_public_key": sendgrid_webhook_keys()[1],
        "email_from_address": FROM_ADDRESS,
        "twilio_account_sid": TWILIO_SID,
        "twilio_auth_token": TWILIO_TOKEN,
        "twilio_from_number": FROM_NUMBER,
        "twilio_base_url": TWILIO_URL,
        "external_api_url": EXTERNAL_API_URL,
        "expo_base_url": EXPO_URL,
        "retry_backoff_seconds": 0.01,
        "max_attempts": 3,
    }
    return NotificationsSettings(**{**fields, **overrides})


@pytest.fixture(scope="session")
def render_pool() -> Iterator[RenderPool]:
    """Render workers shared by the tests (each app would start its own): a worker starts once,
    not once a test. The time limit leaves room for a machine busy running the suite."""
    pool = RenderPool(size=2, timeout_seconds=10, output_limit=200_000, memory_mb=256)
    yield pool
    pool.close()


@pytest.fixture
def renderer(render_pool) -> TemplateRenderer:
    return TemplateRenderer(render_pool)


@pytest.fixture
def fake_providers() -> FakeProviders:
    return FakeProviders()


class Network(httpx.AsyncBaseTransport):
    """The service's network: the external API at EXTERNAL_API_URL, every other host the
    test's fake (`fake`, set for each test; the external API's own network too)."""

    def __init__(self) -> None:
        self.fake = FakeProviders()
        self.external_api: httpx.AsyncBaseTransport | None = None
        self.fcm: FcmClient | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.external_api and str(request.url).startswith(EXTERNAL_API_URL):
            return await self.external_api.handle_async_request(request)
        return await self.fake.transport().handle_async_request(request)


class ToTheFake(httpx.AsyncBaseTransport):
    def __init__(self, network: Network) -> None:
        self.network = network

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.network.fake.transport().handle_async_request(request)


@pytest.fixture(scope="session")
async def session_network() -> AsyncIterator[Network]:
    """One external API for the session (starting one a test is most of what a test would
    cost), with the platform's Firebase project, each FCM answer tried once there."""
    shared = Network()
    fcm = FcmSettings(
        project_id=FCM_PROJECT, service_account_json=service_account_json(), api_url=FCM_URL
    )
    app = create_external_api(external_settings(fcm=fcm, retry_attempts=1), ToTheFake(shared))
    async with LifespanManager(app, startup_timeout=30) as manager:
        shared.external_api = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        shared.fcm = app.state.fcm
        yield shared


@pytest.fixture
def network(session_network, fake_providers, mongo) -> Network:
    """The network of this test: its fake, and an external API holding no access token yet."""
    session_network.fake = fake_providers
    if session_network.fcm:
        session_network.fcm.tokens.forget()
    return session_network


@pytest.fixture
def start_notifications(client_for, network, render_pool, mongo) -> Callable:
    """`async with start_notifications(settings) as client`: the service in-process."""

    @asynccontextmanager
    async def start(settings: NotificationsSettings) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings, network, render_pool)
        async with client_for(app) as client:
            client.app = app
            yield client

    return start


@pytest.fixture
async def notifications(start_notifications) -> AsyncIterator[httpx.AsyncClient]:
    """The service with every provider configured."""
    async with start_notifications(configured_settings()) as client:
        yield client


@pytest.fixture
async def unconfigured(start_notifications) -> AsyncIterator[httpx.AsyncClient]:
    """The service with no provider keys (embedded mode): sends go to the outbox."""
    async with start_notifications(NotificationsSettings(public_url=PUBLIC_URL)) as client:
        yield client
