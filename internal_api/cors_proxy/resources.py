"""A fetched resource as the proxy keeps it (JSON in Redis, the bytes as base64), and how long
its host lets a shared cache keep it, bounded by the proxy's own limits."""

import base64
import hashlib
import time
from email.utils import parsedate_to_datetime
from typing import Self

import httpx
from pydantic import BaseModel

# Directives that keep a response out of a cache shared by every account.
NOT_SHARED = ("no-store", "private", "no-cache")


class Resource(BaseModel):
    content_type: str
    etag: str  # a hash of the bytes, quoted as the ETag header wants it
    body_base64: str
    cache_seconds: int  # how long it is kept (0: not at all)
    fetched_at: float  # time.time()

    @classmethod
    def of(cls, content_type: str, body: bytes, cache_seconds: int) -> Self:
        return cls(
            content_type=content_type,
            etag=f'"{hashlib.sha256(body).hexdigest()}"',
            body_base64=base64.b64encode(body).decode(),
            cache_seconds=cache_seconds,
            fetched_at=time.time(),
        )

    @property
    def body(self) -> bytes:
        return base64.b64decode(self.body_base64)

    def fresh_for(self, now: float) -> int:
        """Seconds it stays fresh from `now`: a browser may keep it that long."""
        return max(0, int(self.fetched_at + self.cache_seconds - now))


def cache_seconds(headers: httpx.Headers, least: int, most: int) -> int:
    """What the host's `Cache-Control` (`s-maxage`, else `max-age`) or `Expires` allows, within
    [least, most]; 0 for a response a shared cache may not keep or that is stale at once. No
    such header: `least`."""
    directives = cache_directives(headers.get("cache-control", ""))
    if any(directive in directives for directive in NOT_SHARED):
        return 0
    allowed = seconds(directives.get("s-maxage"))
    if allowed is None:
        allowed = seconds(directives.get("max-age"))
    if allowed is None:
        allowed = until_expires(headers)
    if allowed is None:
        return least
    return min(most, max(least, allowed)) if allowed else 0


def cache_directives(value: str) -> dict[str, str]:
    directives = {}
    for part in value.split(","):
        name, _, argument = part.strip().partition("=")
        if name:
            directives[name.lower()] = argument.strip('"')
    return directives


def seconds(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def until_expires(headers: httpx.Headers) -> int | None:
    try:
        expires = parsedate_to_datetime(headers["expires"])
        date = parsedate_to_datetime(headers["date"])
    except (KeyError, TypeError, ValueError):
        return None
    return max(0, int((expires - date).total_seconds()))
