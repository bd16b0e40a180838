"""The external API in-process over ASGI on the test Redis and database, every provider faked
at the transport (`fake`), jobs recorded instead of sent (`jobs`), retry waits recorded
instead of slept (`waits`)."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from beanie import PydanticObjectId
from cryptography.fernet import Fernet

from external_api.app import create_app
from external_api.integrations.bing_ads.settings import BingAdsSettings
from external_api.integrations.facebook.settings import FacebookSettings
from external_api.integrations.google.settings import GoogleSettings
from external_api.integrations.registry import PROVIDERS
from external_api.integrations.tiktok.settings import TiktokSettings
from external_api.settings import ExternalApiSettings
from shared.models.membership import ROLE_SCOPES, Role
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.outbox import Senders
from tests.external_api.fakes import FakeProviders, bing_ads, tiktok
from tests.external_api.fakes.facebook import APP_SECRET, VERIFY_TOKEN
from tests.factories import user_token

ENCRYPTION_KEY = Fernet.generate_key().decode()
DASHBOARD = "https://app.agency.test"
PUBLIC = "https://api.agency.test"
GOOGLE_CLIENT_ID = "google-client-id.apps.googleusercontent.com"
GOOGLE_CLIENT_SECRET = "google-client-secret"
ADS_DEVELOPER_TOKEN = "ads-developer-token"
FACEBOOK_APP_ID = "fb-app-id"


def external_settings(**overrides) -> ExternalApiSettings:
    fields = {
        "encryption_keys": ENCRYPTION_KEY,
        "public_url": PUBLIC,
        "dashboard_url": DASHBOARD,
        "retry_max_wait_seconds": 30,
        "google": GoogleSettings(
            client_id=GOOGLE_CLIENT_ID,
            client_secret=GOOGLE_CLIENT_SECRET,
            ads_developer_token=ADS_DEVELOPER_TOKEN,
        ),
        "facebook": FacebookSettings(
            app_id=FACEBOOK_APP_ID, app_secret=APP_SECRET, webhook_verify_token=VERIFY_TOKEN
        ),
        # No wait between report polls in tests.
        "bing_ads": BingAdsSettings(
            client_id=bing_ads.CLIENT_ID,
            client_secret=bing_ads.CLIENT_SECRET,
            developer_token=bing_ads.DEVELOPER_TOKEN,
            report_poll_seconds=0,
            report_poll_attempts=3,
        ),
        "tiktok": TiktokSettings(app_id=tiktok.APP_ID, secret=tiktok.SECRET),
    }
    return ExternalApiSettings(**{**fields, **overrides})


class RecordingTasks:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict, str | None]] = []

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.sent.append((name, kwargs, task_id))
        return task_id or "id"

    def close(self) -> None:
        pass


class RecordingEmitter:
    """The socket emits a test's app made, as (socket, event, data, room)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict, str]] = []

    async def emit(self, socket, event, data, room) -> None:
        self.sent.append((str(socket), event, data, room))


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def jobs() -> RecordingTasks:
    return RecordingTasks()


@pytest.fixture
def start_external(client_for, fake, waits, jobs, mongo) -> Callable:
    """`async with start_external(**settings) as client`; `providers=` replaces the registry."""

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    @asynccontextmanager
    async def start(providers=PROVIDERS, **overrides) -> AsyncIterator[httpx.AsyncClient]:
        settings = external_settings(**overrides)
        app = create_app(settings, fake.transport(), providers=providers, sleep=sleep)
        async with client_for(app) as client:
            app.state.senders = Senders(tasks=jobs, emitter=RecordingEmitter())
            client.app = app
            yield client

    return start


@pytest.fixture
async def external(start_external) -> AsyncIterator[httpx.AsyncClient]:
    async with start_external() as client:
        yield client


def headers_for(
    account_id: str,
    role: Role = Role.ADMIN,
    user_id: str = "user-1",
    session_id: str = "session-1",
    agency_id: str = "",
    owner_verified: bool = True,
) -> dict:
    """The Authorization header the router adds for a user of the account with `role`, in a
    session (and, for a sub-account, under its agency)."""
    principal = Principal(
        kind=TokenKind.USER,
        sub=user_id,
        sid=session_id,
        account_id=account_id,
        agency_id=agency_id or account_id,
        role=role,
        scopes=ROLE_SCOPES[role],
        owner_verified=owner_verified,
    )
    return {"authorization": f"Bearer {user_token(principal)}"}


@pytest.fixture
def account_id() -> str:
    return str(PydanticObjectId())


@pytest.fixture
def admin(account_id) -> dict:
    return headers_for(account_id, Role.ADMIN)


@pytest.fixture
def member(account_id) -> dict:
    return headers_for(account_id, Role.MEMBER)
