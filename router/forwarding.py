"""The router's hot path: every request that no FastAPI route answers is admitted and passed on.

A plain ASGI callable rather than a FastAPI route, so a proxied request pays for no routing,
validation or response models.
"""

from collections.abc import Sequence

import aiohttp
from starlette.types import Receive, Scope, Send

from router.access import SESSION_HEADER, Gate
from router.bearer import bearer_credential, is_client_authentication
from router.routing import Routes
from shared.utilities import proxy
from shared.utilities.errors import DomainError

# The session stays here; a client's own Authorization never passes (the router sets its own),
# but for an app's Basic client authentication on a public route (router.bearer).
NOT_FORWARDED = frozenset({SESSION_HEADER.encode(), b"authorization"})
CLIENT_AUTHENTICATION_KEPT = frozenset({SESSION_HEADER.encode()})


class Forwarder:
    def __init__(
        self,
        gate: Gate,
        routes: Routes,
        http: aiohttp.ClientSession,
        trusted_proxies: Sequence[proxy.IPNetwork],
    ) -> None:
        self.gate = gate
        self.routes = routes
        self.http = http
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        upstream = self.routes.upstream_for(scope["path"])
        if upstream is None:
            await proxy.send_error(send, 404, "not_found", "No route matches this path.")
            return
        if not upstream.replicas.running:
            await proxy.send_not_running(send, upstream.service)
            return
        session, client_authorization = credentials(scope)
        try:
            admission = await self.gate.admit(
                scope["method"],
                scope["path"],
                session,
                proxy.client_ip(scope, self.trusted_proxies),
                bearer_credential(client_authorization) if client_authorization else "",
            )
        except DomainError as refusal:
            await proxy.send_error(
                send, refusal.status_code, refusal.code, refusal.message, encoded(refusal.headers)
            )
            return
        authorization = admission.authorization
        drop = NOT_FORWARDED
        if authorization is None and is_client_authentication(client_authorization):
            drop = CLIENT_AUTHENTICATION_KEPT
        await proxy.forward(
            self.http,
            upstream.replicas,
            scope,
            receive,
            send,
            drop=drop,
            add=[(b"authorization", authorization)] if authorization else (),
            response_headers=encoded(admission.response_headers()),
        )


def credentials(scope: Scope) -> tuple[str, bytes]:
    """The session id and the client's own Authorization header (either may be empty)."""
    session, authorization = "", b""
    for name, value in scope["headers"]:
        if name == b"x-session-id":
            session = value.decode("latin-1")
        elif name == b"authorization":
            authorization = value
    return session, authorization


def encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.encode(), value.encode()) for name, value in headers.items()]
