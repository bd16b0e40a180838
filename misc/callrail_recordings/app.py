import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from misc.callrail_recordings.recordings.callrail import CallrailApi
from misc.callrail_recordings.recordings.ctm import CtmApi
from misc.callrail_recordings.recordings.routes import ctm_router
from misc.callrail_recordings.recordings.routes import router as recordings_router
from misc.callrail_recordings.settings import CallrailRecordingsSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.encryption import configured_box
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
            app.state.ctm_recordings = CtmApi(client, settings.ctm_api_url)
            # The keys the external API seals accounts' keys with (embedded: its development key).
            app.state.secrets = configured_box(settings.encryption_keys, settings.mode)
            yield

    return create_service_app(
        settings,
        title="CallRail recordings",
        routers=[recordings_router, ctm_router],
        uses_mongo=True,
        lifespans=[recordings],
    )
