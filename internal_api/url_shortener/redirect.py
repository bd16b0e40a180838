"""`GET /v1/s/{code}`: the public redirect, a plain ASGI app ahead of FastAPI (a
`DirectRoute`). It is the platform's hottest public path, and FastAPI's routing, dependencies
and validation would cost more than the redirect itself.

A cached code costs one Redis round trip, the lookup and the click's recording together
(`url_shortener.cache`); nothing is written to MongoDB and no job is sent: the queue manager
drains the clicks (`short_link_clicks`). The country comes from the edge's header
(INTERNAL_API_SHORT_LINK_COUNTRY_HEADER, Cloudflare's by default) when there is one; it is for
stats only, so a client writing it itself fools nobody but the stats.
"""

import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from internal_api.settings import InternalApiSettings
from internal_api.url_shortener.cache import CachedLink, LinkCache, Visit
from internal_api.url_shortener.errors import ShortLinkExpired
from internal_api.url_shortener.repository import link_by_code
from shared.utilities.errors import NotFound, error_response

PREFIX = "/v1/s/"
# Any code a link may have (generated or a slug), in any case: anything else is no link.
CODE = re.compile(r"[A-Za-z0-9_-]{1,50}")
COUNTRY = re.compile(r"[A-Z]{2}")
UNKNOWN_COUNTRIES = {"XX", "T1"}  # Cloudflare's "unknown" and Tor
MAX_REFERRER = 1000
MAX_USER_AGENT = 512
NOT_STORED = b"no-store"  # every visit comes back, to be counted


class Redirect:
    """The app; `serving` (a lifespan) gives it the cache, on the app's Redis."""

    def __init__(self) -> None:
        self.cache: LinkCache | None = None
        self.country_header = b""

    @asynccontextmanager
    async def serving(self, app: FastAPI) -> AsyncIterator[None]:
        settings: InternalApiSettings = app.state.settings
        self.cache = app.state.link_cache = LinkCache.configured(app.state.redis, settings)
        self.country_header = settings.short_link_country_header.lower().encode()
        yield

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.cache is not None, "started by its lifespan"
        if scope["method"] not in ("GET", "HEAD"):
            response = error_response(405, "method_not_allowed", "Follow a short link with GET.")
            response.headers["allow"] = "GET, HEAD"
            return await response(scope, receive, send)
        code = scope["path"][len(PREFIX) :]
        now_ms = time.time_ns() // 1_000_000
        link = None
        if CODE.fullmatch(code):
            link = await self.cache.follow(code.lower(), self.visit(scope), now_ms, link_by_code)
        if link is None:
            return await refusal(NotFound("No short link has this code."), scope, receive, send)
        if not link.live(now_ms):
            return await refusal(ShortLinkExpired(), scope, receive, send)
        await redirect(link, send)

    def visit(self, scope: Scope) -> Visit:
        referrer = country = user_agent = ""
        for name, value in scope["headers"]:
            if name == b"referer":
                referrer = value[:MAX_REFERRER].decode("latin-1")
            elif name == b"user-agent":
                user_agent = value[:MAX_USER_AGENT].decode("latin-1")
            elif name == self.country_header:
                country = value.decode("latin-1").upper()
        if not COUNTRY.fullmatch(country) or country in UNKNOWN_COUNTRIES:
            country = ""
        return Visit(referrer, country, user_agent)


async def redirect(link: CachedLink, send: Send) -> None:
    headers = [(b"location", link.target.encode()), (b"content-length", b"0")]
    if link.status == 302:
        headers.append((b"cache-control", NOT_STORED))
    await send({"type": "http.response.start", "status": link.status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def refusal(error: NotFound | ShortLinkExpired, scope: Scope, receive: Receive, send: Send):
    response = error_response(error.status_code, error.code, error.message)
    await response(scope, receive, send)
