"""What both Socket.IO services share: a server on Redis when there is one, and connections
refused unless the handshake comes from an allowed origin and carries a live session or a
valid user token. Every refusal reaches the client the same way, as `connect_error` with
`{"message": ..., "data": {"code": ...}}`."""

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from typing import Any

import socketio
from fastapi import FastAPI

from shared.utilities.app import create_app as create_service_app
from shared.utilities.auth import Principal
from shared.utilities.errors import DomainError, Forbidden
from shared.utilities.realtime import Socket, SocketServer, redis_manager
from shared.utilities.sessions import authenticate_handshake
from shared.utilities.settings import ServiceSettings
from shared.utilities.socket_metrics import SocketMetrics
from shared.utilities.socket_sessions import following_sessions

logger = logging.getLogger(__name__)


class OriginNotAllowed(Forbidden):
    """The page opening the socket is on an origin this socket does not serve."""

    code = "origin_not_allowed"


def create_socket_service(
    settings: ServiceSettings, socket: Socket, *, title: str
) -> tuple[SocketServer, FastAPI]:
    """A socket service's two halves: its Socket.IO server and the HTTP app (health, docs)
    whose lifespan runs it, following the sessions of its sockets and subscribed to its
    channel before it serves (see `SocketServer.subscribe`)."""
    sio = create_socket_server(settings, socket)

    @asynccontextmanager
    async def subscribed(app: FastAPI) -> AsyncIterator[None]:
        await sio.subscribe()
        try:
            yield
        finally:
            await sio.unsubscribe()

    api = create_service_app(
        settings,
        title=title,
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[following_sessions, subscribed],
    )
    SocketMetrics.on(sio, api)
    return sio, api


def create_socket_server(settings: ServiceSettings, socket: Socket) -> SocketServer:
    """Every replica shares rooms and emits through Redis (or its in-process substitute), on
    the socket service's own channel. Engine.IO lets every origin through so that the connect
    handler refuses a wrong one with a reason (`check_origin`), instead of a bare HTTP 400."""
    return SocketServer(
        async_mode="asgi",
        client_manager=redis_manager(settings.redis_url, socket),
        cors_allowed_origins="*",
    )


def check_origin(origin: str | None, allowed: Collection[str], *, required: bool = False) -> None:
    """A browser names the page's origin in `Origin`; it must be one of `allowed`. A client
    outside a browser sends none, which passes unless `required`."""
    if origin is None and not required:
        return
    if (origin or "").lower().rstrip("/") not in allowed:
        raise OriginNotAllowed(f"Sockets may not be opened from {origin or 'an unnamed origin'}.")


def refused(error: DomainError) -> socketio.exceptions.ConnectionRefusedError:
    """What the client's `connect_error` receives for a refusal."""
    return socketio.exceptions.ConnectionRefusedError(error.message, {"code": error.code})


async def admit(handshake: Awaitable[Principal]) -> Principal:
    """The caller the handshake names; a refusal, or a failure on our side (Redis or MongoDB
    away), is turned into `connect_error` rather than left hanging."""
    try:
        return await handshake
    except DomainError as refusal:
        raise refused(refusal) from None
    except Exception:
        logger.exception("handshake failed")
        raise refused(DomainError()) from None


async def dashboard_user(api: FastAPI, environ: dict, auth: Any) -> Principal:
    """A dashboard user: from one of the dashboard's origins, with a session or a user token."""
    settings: ServiceSettings = api.state.settings
    check_origin(environ.get("HTTP_ORIGIN"), settings.cors_origins)
    return await authenticate_handshake(auth, api.state.authenticator, settings.session_idle)


def require_authenticated_connections(
    sio: socketio.AsyncServer,
    api: FastAPI,
    on_connect: Callable[[str, Principal], Awaitable[None]] | None = None,
) -> None:
    """Refuse a connection that is not a dashboard user's and keep the caller's Principal in
    the socket's session, following its session from then on (`api.state.session_follower`);
    `on_connect` then runs for an accepted one (rooms, presence)."""

    @sio.event
    async def connect(sid: str, environ: dict, auth: dict | None = None) -> None:
        principal = await admit(dashboard_user(api, environ, auth))
        await sio.save_session(sid, {"principal": principal})
        api.state.session_follower.follow(sid, principal, auth)
        if on_connect:
            await on_connect(sid, principal)
