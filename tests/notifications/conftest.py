"""The notification service in-process, its providers faked at the transport.

`configured_settings()` gives every provider its keys (pointing at the fakes); plain
`NotificationsSettings()` is a platform with none, whose sends go to the outbox.
"""

import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from functools import cache

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from notifications.app import create_app
from notifications.settings import NotificationsSettings
from notifications.templates.render_pool import RenderPool
from notifications.templates.rendering import TemplateRenderer
from shared.utilities.signatures import generate_ecdsa_key
from tests.notifications.fake_providers import (
    EXPO_URL,
    FCM_URL,
    GOOGLE_TOKEN_URL,
    SENDGRID_URL,
    TWILIO_URL,
    FakeProviders,
)

SENDGRID_KEY = "SG.test-key"
TWILIO_SID = "AC" + "a" * 32
TWILIO_TOKEN = "twilio-auth-token"
FROM_NUMBER = "+15005550006"
FROM_ADDRESS = "notifications@example.com"
PUBLIC_URL = "https://app.platform.test"
FCM_PROJECT = "platform-test"
SERVICE_ACCOUNT_EMAIL = "push@platform-test.iam.gserviceaccount.com"


@cache
def service_account_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def service_account_json() -> str:
    pem = service_account_key().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return json.dumps(
        {
            "type": "service_account",
            "project_id": FCM_PROJECT,
            "private_key_id": "key-1",
            "private_key": pem.decode(),
            "client_email": SERVICE_ACCOUNT_EMAIL,
            "token_uri": GOOGLE_TOKEN_URL,
        }
    )


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
        "fcm_project_id": FCM_PROJECT,
        "fcm_service_account_json": service_account_json(),
        "fcm_base_url": FCM_URL,
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


@pytest.fixture
def start_notifications(client_for, fake_providers, render_pool, mongo) -> Callable:
    """`async with start_notifications(settings) as client`: the service in-process."""

    @asynccontextmanager
    async def start(settings: NotificationsSettings) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings, fake_providers.transport(), render_pool)
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
