"""The socket services behind the router, for a deployment without Traefik in front:
`/sockets/general/socket.io/` and `/sockets/conversation/socket.io/`, the prefix stripped (as
Traefik's routers do in docker-compose.yml), long-polling and websockets alike.

The handshake (no `sid` yet) goes to the service's replicas in turn; its answer names the
Engine.IO session it opened (`0{"sid": ...}`), and every later request of that session (`?sid=`)
goes to the replica holding it: sticky by sid. A websocket is one connection, so it stays where
it was opened. The router remembers the sessions it has seen opened, the newest
MAX_STICKY_SESSIONS of them; a session it does not know (one another router replica opened, or
one older than that) goes to a replica in turn, which answers that it does not know the
session, and the client opens a new one. Socket handshakes carry their own session (in the
Socket.IO auth), so nothing is admitted here: the socket services authenticate.
"""

import asyncio
import contextlib
import json
from collections import OrderedDict
from urllib.parse import parse_qs

import aiohttp
from starlette.types import Message, Receive, Scope, Send

from router.settings import RouterSettings
from shared.utilities import proxy
from shared.utilities.replicas import Replica, Replicas

SOCKETS_PREFIX = "/sockets/"
# Path prefix -> socket service (its `<service>_url` setting names its replicas).
SOCKET_ROUTES = (
    ("/sockets/general", "general_socket"),
    ("/sockets/conversation", "conversation_socket"),
)
MAX_STICKY_SESSIONS = 100_000
# An Engine.IO open packet is small; a handshake answer longer than this is not read for one.
HANDSHAKE_BYTES = 4096
# What a websocket handshake's own machinery sets; aiohttp makes its own for the upstream.
WEBSOCKET_OWN_HEADERS = frozenset(
    {b"sec-websocket-key", b"sec-websocket-version", b"sec-websocket-extensions"}
)
WEBSOCKET_DROPPED = proxy.HOP_BY_HOP | WEBSOCKET_OWN_HEADERS | {b"sec-websocket-protocol"}


class StickySessions:
    """Which replica holds each Engine.IO session, the newest `limit` sessions."""

    def __init__(self, limit: int = MAX_STICKY_SESSIONS) -> None:
        self.limit = limit
        self.holders: OrderedDict[str, Replica] = OrderedDict()

    def remember(self, sid: str, replica: Replica) -> None:
        self.holders[sid] = replica
        if len(self.holders) > self.limit:
            self.holders.popitem(last=False)

    def holder(self, sid: str) -> Replica | None:
        return self.holders.get(sid)


def handshake_sid(body: bytes) -> str:
    """The session an Engine.IO open packet (`0{"sid": ...}`) names; empty for any other."""
    if not body.startswith(b"0{"):
        return ""
    packet = body.split(b"\x1e", 1)[0]  # several packets are separated by a record separator
    try:
        return str(json.loads(packet[1:]).get("sid", ""))
    except (ValueError, AttributeError):
        return ""


def query_sid(scope: Scope) -> str:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("sid")
    return values[0] if values else ""


def stripped(scope: Scope, prefix: str) -> Scope:
    """The request as the socket service sees it: without the router's prefix."""
    path = scope["path"].removeprefix(prefix) or "/"
    return {**scope, "path": path, "raw_path": path.encode()}


class SocketForwarder:
    def __init__(self, settings: RouterSettings, http: aiohttp.ClientSession) -> None:
        self.http = http
        self.routes = [
            (prefix, self.replicas_of(settings, service)) for prefix, service in SOCKET_ROUTES
        ]
        self.sticky = StickySessions()

    @staticmethod
    def replicas_of(settings: RouterSettings, service: str) -> Replicas:
        setting = getattr(settings, f"{service}_url")
        return Replicas.from_setting(service, setting, settings.replica_down_seconds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = next((route for route in self.routes if scope["path"].startswith(route[0])), None)
        if route is None or not route[1].running:
            await self.refuse(scope, receive, send, route)
            return
        prefix, replicas = route
        inner = stripped(scope, prefix)
        holder = self.sticky.holder(sid) if (sid := query_sid(scope)) else None
        if scope["type"] == "websocket":
            await self.websocket(inner, receive, send, holder or replicas.pick())
        elif holder is not None:
            await proxy.forward(self.http, holder.url, inner, receive, send)
        else:
            await self.handshake(inner, receive, send, replicas)

    async def refuse(
        self, scope: Scope, receive: Receive, send: Send, route: tuple[str, Replicas] | None
    ) -> None:
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
        elif route is None:
            await proxy.send_error(send, 404, "not_found", "No socket service at this path.")
        else:
            await proxy.send_not_running(send, route[1].service)

    async def handshake(self, scope: Scope, receive: Receive, send: Send, replicas: Replicas):
        """Passed on to a replica in turn; the session its answer opens is remembered there."""
        body = bytearray()

        async def send_reading_handshake(message: Message) -> None:
            if message["type"] == "http.response.body" and len(body) < HANDSHAKE_BYTES:
                body.extend(message.get("body", b""))
            await send(message)

        replica = await proxy.forward(self.http, replicas, scope, receive, send_reading_handshake)
        if replica is not None and (sid := handshake_sid(bytes(body))):
            self.sticky.remember(sid, replica)

    async def websocket(
        self, scope: Scope, receive: Receive, send: Send, replica: Replica | None
    ) -> None:
        """The client's websocket joined to one opened on the replica, message for message,
        until either side closes."""
        await receive()  # websocket.connect
        if replica is None:
            await send({"type": "websocket.close", "code": 1013})
            return
        url = replica.url.replace("http", "ws", 1) + scope["path"]
        query = scope.get("query_string", b"").decode("latin-1")
        try:
            upstream = await self.http.ws_connect(
                f"{url}?{query}" if query else url,
                headers=websocket_headers(scope),
                protocols=scope.get("subprotocols", ()),
                autoping=False,  # pings pass through, as the client's
            )
        except (aiohttp.ClientError, TimeoutError):
            await send({"type": "websocket.close", "code": 1011})
            return
        await send({"type": "websocket.accept", "subprotocol": upstream.protocol})
        async with upstream:
            await joined(upstream, receive, send)


def websocket_headers(scope: Scope) -> list[tuple[str, str]]:
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, value in scope["headers"]
        if name not in WEBSOCKET_DROPPED and name != b"x-forwarded-for"
    ]
    previous = b",".join(v for n, v in scope["headers"] if n == b"x-forwarded-for")
    headers.append(
        ("x-forwarded-for", proxy.forwarded_for(previous.decode("latin-1"), proxy.peer_ip(scope)))
    )
    return headers


async def joined(upstream: aiohttp.ClientWebSocketResponse, receive: Receive, send: Send):
    """Each side's messages to the other, until one side closes; then the other is closed."""

    async def client_to_upstream() -> None:
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            if message.get("text") is not None:
                await upstream.send_str(message["text"])
            elif message.get("bytes") is not None:
                await upstream.send_bytes(message["bytes"])

    async def upstream_to_client() -> None:
        async for message in upstream:
            if message.type == aiohttp.WSMsgType.TEXT:
                await send({"type": "websocket.send", "text": message.data})
            elif message.type == aiohttp.WSMsgType.BINARY:
                await send({"type": "websocket.send", "bytes": message.data})
        with contextlib.suppress(Exception):  # the client may be gone already
            await send({"type": "websocket.close", "code": upstream.close_code or 1000})

    directions = [
        asyncio.ensure_future(client_to_upstream()),
        asyncio.ensure_future(upstream_to_client()),
    ]
    try:
        await asyncio.wait(directions, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for direction in directions:
            direction.cancel()
        await asyncio.gather(*directions, return_exceptions=True)
