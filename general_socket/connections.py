"""Who opens a general socket, and the rooms the connection enters.

- A dashboard user sends `{"session_id": ...}` or `{"token": ...}` (checked as the router
  does) from one of the dashboard's origins, and enters its user's and account's rooms.
- A live-chat visitor sends `{"widget_key": ...}` the first time, or `{"visitor_token": ...}`
  to continue, from a page the widget allows; it enters its own conversation's room, once it
  has one, and nothing else.

A refused connection gets `connect_error` with `{"message", "data": {"code"}}`.
"""

import logging
from collections.abc import Mapping
from typing import Any

import socketio
from fastapi import FastAPI

from general_socket.live_chat.tokens import Visitor
from general_socket.live_chat.widgets import check_origin, widget_by_key, widget_of
from shared.utilities.auth import Principal
from shared.utilities.errors import DomainError, Forbidden
from shared.utilities.realtime import account_room, conversation_room, user_room
from shared.utilities.sessions import authenticate_handshake

logger = logging.getLogger(__name__)


def rooms_of(principal: Principal) -> list[str]:
    if isinstance(principal, Visitor):
        return [conversation_room(principal.conversation_id)] if principal.conversation_id else []
    return [user_room(principal.sub), account_room(principal.account_id)]


def register_connections(sio: socketio.AsyncServer, api: FastAPI) -> None:
    async def visitor(auth: Mapping[str, Any], origin: str | None) -> Visitor:
        if token := auth.get("visitor_token"):
            known = api.state.visitor_tokens.verify(str(token))
            check_origin(await widget_of(known.account_id, known.widget_id), origin)
            return known
        widget = await widget_by_key(str(auth["widget_key"]))
        check_origin(widget, origin)
        return Visitor.new(str(widget.account_id), str(widget.id))

    async def user(auth: Any, origin: str | None) -> Principal:
        settings = api.state.settings
        # Any site may open a visitor socket, so the server accepts every origin; a dashboard
        # socket comes from the dashboard (clients outside a browser send no Origin).
        if origin and origin not in settings.cors_origins:
            raise Forbidden("This origin may not open a dashboard socket.")
        return await authenticate_handshake(
            auth, api.state.authenticator, api.state.redis, settings.session_idle
        )

    @sio.event
    async def connect(sid: str, environ: dict, auth: Any = None) -> None:
        origin = environ.get("HTTP_ORIGIN")
        try:
            if isinstance(auth, Mapping) and ("widget_key" in auth or "visitor_token" in auth):
                principal: Principal = await visitor(auth, origin)
            else:
                principal = await user(auth, origin)
        except DomainError as refusal:
            raise socketio.exceptions.ConnectionRefusedError(
                refusal.message, {"code": refusal.code}
            ) from None
        except Exception:  # Redis or MongoDB away: refused with a reason, not left hanging
            logger.exception("handshake failed")
            raise socketio.exceptions.ConnectionRefusedError(
                DomainError.message, {"code": DomainError.code}
            ) from None
        await sio.save_session(sid, {"principal": principal})
        for room in rooms_of(principal):
            await sio.enter_room(sid, room)
