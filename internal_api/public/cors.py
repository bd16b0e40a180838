"""CORS per resource: a public route answers pages of any website, unless the resource (a form)
lists the origins it allows.

A route asks `PublicCors.admit(allowed_origins)` once it knows the resource's list: a refused
origin raises OriginNotAllowed (403, no Allow-Origin header, so the page cannot read it); an
allowed one is recorded on the request, and `PublicCorsMiddleware` puts the headers on whatever
the route answers then, its errors included (a 422 naming a field, a captcha failure), so the
embedding page can show them. A preflight (`OPTIONS`) is answered by `PublicCors.preflight`.

No credentials are ever allowed (public routes take no cookies nor sessions), so an allowed
origin is echoed, never `*`, and every such answer says `Vary: Origin` for caches. A request
without an Origin header (a server, curl, a same-origin page) is not a browser's cross-origin
call and is let through: allowed origins keep other websites' pages out, not scripts.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request, Response
from pydantic import AfterValidator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from internal_api.public.errors import OriginNotAllowed

# The request state entry holding the admitted origin ("" when the request sent none).
ADMITTED_ORIGIN = "public_cors_origin"
# What a public page's script sends beyond the CORS-safelisted headers, and may read back.
ALLOWED_HEADERS = "Content-Type, Idempotency-Key, X-Request-Id"
EXPOSED_HEADERS = "Retry-After, X-Request-Id"
PREFLIGHT_MAX_AGE_SECONDS = 600  # Chromium caps it at 7200, Firefox at 86400
DEFAULT_PORTS = {"http": 80, "https": 443}
ANY_ORIGIN: tuple[str, ...] = ()  # the allowed origins of what any website may use


def normalized_origin(value: str) -> str:
    """`https://Example.com:443/` → `https://example.com`, as browsers send Origin; raises
    ValueError for anything that is not a bare http(s) origin."""
    parts = urlsplit(value.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError("must be an http or https origin, like https://example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError("must be an origin only: scheme, host and port, without a path")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        raise ValueError("must be an origin with a valid host and port") from None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    suffix = f":{port}" if port and port != DEFAULT_PORTS[parts.scheme] else ""
    return f"{parts.scheme}://{host}{suffix}"


# An entry of a resource's allowed origins, stored as browsers send it.
AllowedOrigin = Annotated[str, AfterValidator(normalized_origin)]


@dataclass(frozen=True)
class Cors:
    request: Request

    @property
    def origin(self) -> str:
        return self.request.headers.get("origin", "")

    def admit(self, allowed_origins: Sequence[str]) -> None:
        """Let the request's origin read the answer, or raise OriginNotAllowed; an empty list
        allows every origin."""
        if self.origin and allowed_origins and self.origin not in allowed_origins:
            raise OriginNotAllowed(f"{self.origin} may not use this resource.")
        setattr(self.request.state, ADMITTED_ORIGIN, self.origin)

    def preflight(self, allowed_origins: Sequence[str], methods: Sequence[str]) -> Response:
        """The answer to a preflight asking to send one of `methods` (raises OriginNotAllowed)."""
        self.admit(allowed_origins)
        return Response(
            status_code=204,
            headers={
                "access-control-allow-methods": ", ".join(methods),
                "access-control-allow-headers": ALLOWED_HEADERS,
                "access-control-max-age": str(PREFLIGHT_MAX_AGE_SECONDS),
            },
        )


def get_cors(request: Request) -> Cors:
    return Cors(request)


PublicCors = Annotated[Cors, Depends(get_cors)]


def cors_headers(origin: str) -> list[tuple[bytes, bytes]]:
    headers = [(b"vary", b"Origin")]
    if origin:
        headers += [
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"access-control-expose-headers", EXPOSED_HEADERS.encode()),
        ]
    return headers


class PublicCorsMiddleware:
    """Adds the CORS headers to the answer of a request whose route admitted its origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Made here, so the route's `request.state` is this very dict.
        state = scope.setdefault("state", {})

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start" and ADMITTED_ORIGIN in state:
                message["headers"] = [
                    *message.get("headers", ()),
                    *cors_headers(state[ADMITTED_ORIGIN]),
                ]
            await send(message)

        await self.app(scope, receive, send_with_cors)
