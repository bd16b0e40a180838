import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from misc.callrail_recordings.recordings.callrail import CallrailApi
from misc.callrail_recordings.recordings.routes import router as recordings_router
from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.encryption import SecretBox, development_encryption_key, parse_keys
from shared.utilities.upstream import http_client


def create_app(
    settings: CallrailRecordingsSettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def recordings(app: FastAPI) -> AsyncIterator[None]:
        async with http_client(
            settings.connect_timeout_seconds, settings.read_timeout_seconds, transport
        ) as client:
            app.state.recordings = CallrailApi(client, settings.api_url)
            app.state.secrets = secret_box(settings)
            yield

    return create_service_app(
        settings,
        title="CallRail recordings",
        routers=[recordings_router],
        uses_mongo=True,
        lifespans=[recordings],
    )


def secret_box(settings: CallrailRecordingsSettings) -> SecretBox:
    """The keys the external API seals with; embedded mode without any shares its development
    key (the same file under .cache/dev-keys)."""
    keys = parse_keys(settings.encryption_keys) or [development_encryption_key("integrations")]
    return SecretBox.from_keys(keys)
