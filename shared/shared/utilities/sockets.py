"""What both Socket.IO services share: a server on Redis when there is one, and connections
refused unless the handshake carries a live session or a valid user token."""

from collections.abc import Awaitable, Callable

import socketio
from fastapi import FastAPI

from shared.utilities.auth import Principal
from shared.utilities.errors import Unauthorized
from shared.utilities.realtime import Socket, redis_manager
from shared.utilities.sessions import authenticate_handshake
from shared.utilities.settings import ServiceSettings


def create_socket_server(
    settings: ServiceSettings, socket: Socket, *, any_origin: bool = False
) -> socketio.AsyncServer:
    """Every replica shares rooms and emits through Redis (or its in-process substitute), on
    the socket service's own channel. Browsers may connect from the dashboard's origins, or
    from `any_origin` for a service that checks origins itself (the live-chat widget is
    embedded in the agencies' clients' websites)."""
    return socketio.AsyncServer(
        async_mode="asgi",
        client_manager=redis_manager(settings.redis_url, socket),
        cors_allowed_origins="*" if any_origin else settings.cors_origins,
    )


def require_authenticated_connections(
    sio: socketio.AsyncServer,
    api: FastAPI,
    on_connect: Callable[[str, Principal], Awaitable[None]] | None = None,
) -> None:
    """Refuse a connection without a valid session or token (the client gets `connect_error`
    with the reason) and keep the caller's Principal in the socket's session; `on_connect`
    then runs for an accepted one (rooms, presence)."""
    settings: ServiceSettings = api.state.settings

    @sio.event
    async def connect(sid: str, environ: dict, auth: dict | None = None) -> None:
        try:
            principal = await authenticate_handshake(
                auth, api.state.authenticator, api.state.redis, settings.session_idle
            )
        except Unauthorized as refusal:
            # The client's `connect_error` gets {"message": ..., "data": {"code": ...}}.
            raise socketio.exceptions.ConnectionRefusedError(
                refusal.message, {"code": refusal.code}
            ) from None
        await sio.save_session(sid, {"principal": principal})
        if on_connect:
            await on_connect(sid, principal)
