"""Who opens a general socket, and the rooms the connection enters.

- A dashboard user sends `{"session_id": ...}` or `{"token": ...}` (checked as the router
  does) from one of the dashboard's origins, and enters its user's and account's rooms and the
  platform's (announcements).
- A live-chat visitor sends `{"widget_key": ...}` the first time, or `{"visitor_token": ...}`
  to continue, from a page the widget allows; it enters its own conversation's room, once it
  has one, and nothing else. Visitors' connections are counted per address and per widget.

A user's socket follows its session (`shared.utilities.socket_sessions`): closed when it ends,
and leaving the sub-accounts the user no longer acts in.

A refused connection gets `connect_error` with `{"message", "data": {"code"}}`, as on the
conversation socket (`shared.utilities.sockets`).
"""

from collections.abc import Mapping
from typing import Any

import socketio
from fastapi import FastAPI

from general_socket.live_chat import throttle
from general_socket.live_chat.tokens import Visitor
from general_socket.live_chat.widgets import check_widget_origin, widget_by_key, widget_of
from general_socket.subscriptions import followable_account
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.proxy import client_ip
from shared.utilities.realtime import (
    PLATFORM_ROOM,
    account_room,
    conversation_room,
    named_in,
    user_room,
)
from shared.utilities.socket_sessions import SessionFollower
from shared.utilities.sockets import admit, dashboard_user


def rooms_of(principal: Principal) -> list[str]:
    if isinstance(principal, Visitor):
        return [conversation_room(principal.conversation_id)] if principal.conversation_id else []
    return [user_room(principal.sub), account_room(principal.account_id), PLATFORM_ROOM]


def is_visitor_handshake(auth: Any) -> bool:
    return isinstance(auth, Mapping) and ("widget_key" in auth or "visitor_token" in auth)


def register_connections(sio: socketio.AsyncServer, api: FastAPI) -> None:
    async def visitor(auth: Mapping[str, Any], origin: str | None, ip: str) -> Visitor:
        settings = api.state.settings
        await throttle.count_connection_from(api.state.redis, ip, settings)
        if token := auth.get("visitor_token"):
            known = api.state.visitor_tokens.verify(str(token))
            widget = await widget_of(known.account_id, known.widget_id)
        else:
            widget = await widget_by_key(str(auth["widget_key"]))
            known = Visitor.new(str(widget.account_id), str(widget.id))
        check_widget_origin(widget, origin)
        await throttle.count_connection_to(api.state.redis, str(widget.id), settings)
        return known

    async def rescope(sid: str, principal: Principal) -> None:
        """Leave the sub-accounts the user no longer acts in."""
        for room in sio.rooms(sid):
            account_id = named_in(room, "account")
            if account_id and account_id != principal.account_id:
                try:
                    await followable_account(principal, account_id)
                except NotFound:
                    await sio.leave_room(sid, room)

    api.state.session_follower = SessionFollower(sio, api, rescope)

    @sio.event
    async def connect(sid: str, environ: dict, auth: Any = None) -> None:
        ip = client_ip(environ["asgi.scope"], api.state.settings.trusted_proxies)
        if is_visitor_handshake(auth):
            principal: Principal = await admit(visitor(auth, environ.get("HTTP_ORIGIN"), ip))
        else:
            principal = await admit(dashboard_user(api, environ, auth))
        await sio.save_session(sid, {"principal": principal, "ip": ip})
        api.state.session_follower.follow(sid, principal, auth)
        for room in rooms_of(principal):
            await sio.enter_room(sid, room)

    @sio.event
    async def disconnect(sid: str, *_: object) -> None:
        api.state.session_follower.forget(sid)
