from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import socketio
from fastapi import FastAPI
from starlette.types import ASGIApp

from general_socket.connections import register_connections
from general_socket.events import register_events
from general_socket.live_chat.contacts import ContactCapture
from general_socket.live_chat.tokens import VisitorTokens
from general_socket.settings import GeneralSocketSettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.realtime import Socket
from shared.utilities.socket_sessions import following_sessions
from shared.utilities.sockets import create_socket_server
from shared.utilities.upstream import http_client


@asynccontextmanager
async def live_chat(app: FastAPI) -> AsyncIterator[None]:
    """Visitor tokens, and the client capturing visitors' contacts in the internal API."""
    settings: GeneralSocketSettings = app.state.settings
    app.state.visitor_tokens = VisitorTokens.for_settings(settings)
    timeout = settings.internal_api_timeout_seconds
    async with http_client(timeout, timeout) as client:
        app.state.contact_capture = ContactCapture(
            client, settings.internal_api_url, app.state.authenticator
        )
        yield


def create_app(settings: GeneralSocketSettings) -> ASGIApp:
    """Socket.IO on /socket.io; everything else (health, docs) goes to the HTTP app."""
    api = create_service_app(
        settings,
        title="General socket",
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[live_chat, following_sessions],
    )
    sio = create_socket_server(settings, Socket.GENERAL)
    register_connections(sio, api)
    register_events(sio, api)
    return socketio.ASGIApp(sio, other_asgi_app=api)
