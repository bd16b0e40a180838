"""Direct routes: requests under a prefix answered by a plain ASGI app ahead of FastAPI's
routing and middleware stack (a proxy's hot path), put on top by the app factory."""

from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True)
class DirectRoute:
    """Requests under `prefix` answered by a plain ASGI app ahead of FastAPI's routing,
    validation and middleware stack (a proxy's hot path), except the FastAPI routes named in
    `except_paths`. They still get the request id, the body limit, the uniform 500 and the
    request log."""

    prefix: str
    app: ASGIApp
    except_paths: frozenset[str] = frozenset()
    websockets: bool = False  # its websocket connections too (a socket proxy's)

    def takes(self, path: str) -> bool:
        return path.startswith(self.prefix) and path not in self.except_paths


class DirectDispatch:
    """The top of a service's middleware stack: a direct route's request goes to its edge and
    app straight away, so FastAPI's own middleware (its error, telemetry and body-limit layers,
    a tenth of a proxied request's cost, measured) is not on that path; any other goes down the
    stack FastAPI built."""

    def __init__(self, stack: ASGIApp, direct: Sequence[tuple[DirectRoute, ASGIApp]]) -> None:
        self.stack = stack
        self.direct = tuple(direct)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        for route, edge in self.direct:
            takes_kind = kind == "http" or (kind == "websocket" and route.websockets)
            if takes_kind and route.takes(scope["path"]):
                await edge(scope, receive, send)
                return
        await self.stack(scope, receive, send)


def route_directly(app: FastAPI, direct: Sequence[tuple[DirectRoute, ASGIApp]]) -> None:
    """Puts DirectDispatch on top of the stack FastAPI builds (when it first serves)."""
    build_stack = app.build_middleware_stack

    def build_middleware_stack() -> ASGIApp:
        return DirectDispatch(build_stack(), direct)

    # Starlette builds the stack on first use, by this method: wrapped, not copied.
    app.build_middleware_stack = build_middleware_stack  # type: ignore[method-assign]
