"""The redirect's Redis: each code's link, cached, and the click stream
(`shared.domain.short_links.clicks`).

`short_links:code:<code>` holds `<link id> <expiry in ms, or -> <status> <target>`, one split
away from an answer, or `-` for a code that is no link, for a short while. Following a cached
code is one round trip: a script reads the key and, when the link is live, appends the click to
the stream. A miss reads MongoDB and fills the key only while it is still empty (SET NX): every
change to a link writes its key itself, so a fill that read the link before the change cannot
put the old one back.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from itertools import chain
from typing import cast

from redis.asyncio import Redis
from redis.typing import EncodableT, FieldT

from internal_api.settings import InternalApiSettings
from internal_api.url_shortener.destinations import redirect_target
from shared.domain.short_links.clicks import CLICK_STREAM, LINK, visit_fields
from shared.models.short_link import ShortLink

KEY_PREFIX = "short_links:code:"
NO_LINK = "-"
NO_EXPIRY = "-"

# KEYS: the code's key, the click stream. ARGV: now (ms), the stream's cap, the link field's
# name, then the visit's fields. Answers what the key holds (nil on a miss). Whether the link
# has expired is decided here too, since a click is recorded only on a live link.
FOLLOW = """
local cached = redis.call('GET', KEYS[1])
if (not cached) or cached == '-' then return cached end
local link, expires = string.match(cached, '^(%S+) (%S+)')
if expires == '-' or tonumber(expires) > tonumber(ARGV[1]) then
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', ARGV[3], link, unpack(ARGV, 4))
end
return cached
"""


@dataclass(frozen=True)
class Visit:
    """What a visitor's request tells about the click."""

    referrer: str
    country: str
    user_agent: str

    def fields(self) -> dict[str, str]:
        return visit_fields(self.referrer, self.country, self.user_agent)


@dataclass(frozen=True)
class CachedLink:
    link_id: str
    expires_ms: int | None
    status: int  # 301 or 302
    target: str

    @classmethod
    def of(cls, link: ShortLink) -> "CachedLink":
        expires = link.expires_at
        return cls(
            link_id=str(link.id),
            expires_ms=int(expires.timestamp() * 1000) if expires else None,
            status=301 if link.permanent else 302,
            target=redirect_target(link),
        )

    @classmethod
    def decoded(cls, value: str) -> "CachedLink":
        link_id, expires, status, target = value.split(" ", 3)
        expires_ms = None if expires == NO_EXPIRY else int(expires)
        return cls(link_id, expires_ms, int(status), target)

    def encoded(self) -> str:
        expires = NO_EXPIRY if self.expires_ms is None else str(self.expires_ms)
        return f"{self.link_id} {expires} {self.status} {self.target}"

    def live(self, now_ms: int) -> bool:
        return self.expires_ms is None or self.expires_ms > now_ms


# Reads the link of a code that is not cached (None: no link has it).
Loader = Callable[[str], Awaitable[ShortLink | None]]


class LinkCache:
    def __init__(
        self, redis: Redis, ttl_seconds: int, unknown_ttl_seconds: int, backlog: int
    ) -> None:
        self.redis = redis
        self.ttl_seconds = ttl_seconds
        self.unknown_ttl_seconds = unknown_ttl_seconds
        self.backlog = backlog  # the stream's cap: past it, the oldest clicks go
        self.follow_script = redis.register_script(FOLLOW)

    @classmethod
    def configured(cls, redis: Redis, settings: InternalApiSettings) -> "LinkCache":
        return cls(
            redis,
            settings.short_link_cache_seconds,
            settings.short_link_unknown_cache_seconds,
            settings.short_link_click_backlog,
        )

    async def follow(self, code: str, visit: Visit, now_ms: int, load: Loader) -> CachedLink | None:
        """The code's link (None when there is none), the click recorded when it is live."""
        args = [now_ms, self.backlog, LINK, *chain.from_iterable(visit.fields().items())]
        cached = await self.follow_script(keys=[KEY_PREFIX + code, CLICK_STREAM], args=args)
        if cached is None:
            return await self.fill(code, await load(code), visit, now_ms)
        return None if cached == NO_LINK else CachedLink.decoded(cached)

    async def fill(
        self, code: str, link: ShortLink | None, visit: Visit, now_ms: int
    ) -> CachedLink | None:
        cached = CachedLink.of(link) if link else None
        key = KEY_PREFIX + code
        async with self.redis.pipeline(transaction=False) as pipe:
            if cached is None:
                pipe.set(key, NO_LINK, ex=self.unknown_ttl_seconds, nx=True)
            else:
                pipe.set(key, cached.encoded(), ex=self.ttl_seconds, nx=True)
            if cached and cached.live(now_ms):
                entry = {LINK: cached.link_id, **visit.fields()}
                # redis-py types the fields as a dict of its own key and value unions.
                fields = cast(dict[FieldT, EncodableT], entry)
                pipe.xadd(CLICK_STREAM, fields, maxlen=self.backlog, approximate=True)
            await pipe.execute()
        return cached

    async def put(self, link: ShortLink) -> None:
        """After the link is made or changed: its code answers with it from now on."""
        value = CachedLink.of(link).encoded()
        await self.redis.set(KEY_PREFIX + link.code, value, ex=self.ttl_seconds)

    async def forget(self, code: str) -> None:
        """After the link is deleted or its code changed: the code leads nowhere from now on."""
        await self.redis.set(KEY_PREFIX + code, NO_LINK, ex=self.unknown_ttl_seconds)
