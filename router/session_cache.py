"""The router's in-process copy of session states, kept true by Redis itself.

Every proxied request with a session needs the session's state; reading it from Redis each time
was the largest part of what a session adds to the router's cost. The router keeps the states it
has read and has Redis tell it of every change to any `session:` key, whoever makes it
(internal_api signing in or out, switching accounts, revoking; another router sliding an idle
expiry; the key expiring): Redis's client-side caching in broadcasting mode
(`CLIENT TRACKING ON BCAST PREFIX session:`). A change marks the copy stale, and the next request
of that session reads Redis again.

The cache holds two connections of its own:
- the listener, subscribed to `__redis__:invalidate`, where Redis sends the changed keys;
- the reader, tracked with REDIRECT to the listener and NOLOOP, through which the cache reads:
  what it writes itself (sliding a session's idle expiry, recording it seen) is not reported
  back, so the router does not drop what it has just read. Other routers hear of it once and
  read the key again, without sliding it (each router slides a session's expiry only every
  SLIDE_EVERY_SECONDS, so two routers never slide in turn forever).

A copy is served only while the link is known good: the listener answers a PING every
HEARTBEAT_SECONDS and copies are ignored once it has been silent for SILENCE_SECONDS; any error
on either connection drops every copy and the link is built anew, requests reading Redis
meanwhile as they would without a cache. A revocation holds from the next request but for the
time its invalidation takes to reach the router (well under a millisecond on one network), and
for at most SILENCE_SECONDS when the network to Redis fails silently.
"""

import asyncio
import logging
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import timedelta

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from router.tokens import CACHED_SESSIONS
from shared.utilities import sessions

logger = logging.getLogger(__name__)

INVALIDATIONS = "__redis__:invalidate"
HEARTBEAT_SECONDS = 1.0
SILENCE_SECONDS = 3.0
SLIDE_EVERY_SECONDS = 60.0
RELINK_SECONDS = 1.0
LINK_ERRORS = (RedisError, OSError)


@dataclass
class Copy:
    """What the router knows of one session: its state (None once Redis reported a change),
    when it last slid the session's expiry, and how many changes it has heard of."""

    state: sessions.SessionState | None
    slide_at: float  # time.monotonic() after which the next read slides the expiry
    expires_at: float  # the state's absolute end, as time.time()
    changes: int = 0


class SessionCache:
    def __init__(
        self,
        url: str,
        fallback: Redis,
        idle: timedelta,
        seal: sessions.StateSeal,
        capacity: int = CACHED_SESSIONS,
    ) -> None:
        """`url`: the Redis to link to (empty: no cache, every lookup reads `fallback`, the
        in-process substitute having no client tracking)."""
        self.url = url
        self.fallback = fallback
        self.idle = idle
        self.seal = seal
        self.capacity = capacity
        self.slide_every = min(
            SLIDE_EVERY_SECONDS, idle.total_seconds() * sessions.RECORD_SEEN_EVERY
        )
        self.copies: OrderedDict[str, Copy] = OrderedDict()  # by session key, least recent first
        self.reader: Redis | None = None  # None while there is no link
        self.heard_at = float("-inf")  # time.monotonic() of the listener's last message
        self.broken = asyncio.Event()

    @property
    def linked(self) -> bool:
        return self.reader is not None and time.monotonic() - self.heard_at < SILENCE_SECONDS

    async def lookup(self, session_id: str) -> sessions.SessionState | None:
        """The live session's state (see `sessions.lookup`), from the copy while it is good."""
        if not self.linked:
            return await sessions.lookup(self.fallback, session_id, self.idle, self.seal)
        key = sessions.session_key(sessions.hash_session_id(session_id))
        copy = self.copies.get(key)
        now = time.monotonic()
        if copy and copy.state and now < copy.slide_at and time.time() < copy.expires_at:
            self.copies.move_to_end(key)
            return copy.state
        return await self.read(key, session_id, copy, now)

    async def read(
        self, key: str, session_id: str, copy: Copy | None, now: float
    ) -> sessions.SessionState | None:
        """Reads Redis through the tracked connection and keeps the answer, unless a change was
        reported while reading (the answer may predate it) or the link was rebuilt."""
        slide = copy is None or now >= copy.slide_at
        if copy is None:
            copy = self.keep(key, Copy(state=None, slide_at=now, expires_at=0))
        changes = copy.changes
        reader = self.reader
        assert reader is not None
        try:
            state = await sessions.lookup(reader, session_id, self.idle, self.seal, slide=slide)
        except (*LINK_ERRORS, asyncio.CancelledError):
            # A command cut short leaves the connection's replies out of step: start over.
            self.unlink()
            raise
        if self.copies.get(key) is not copy or copy.changes != changes:
            return state
        if state is None:
            del self.copies[key]
            return None
        copy.state, copy.expires_at = state, state.expires_at.timestamp()
        if slide:
            copy.slide_at = now + self.slide_every
        return state

    def keep(self, key: str, copy: Copy) -> Copy:
        self.copies[key] = copy
        if len(self.copies) > self.capacity:
            self.copies.popitem(last=False)
        return copy

    def changed(self, keys: Iterable[str]) -> None:
        for key in keys:
            if copy := self.copies.get(key):
                copy.state = None
                copy.changes += 1

    def unlink(self) -> None:
        """Stops serving copies; the link is built anew."""
        self.reader = None
        self.copies.clear()
        self.broken.set()

    async def until_broken(self) -> None:
        await self.broken.wait()
        raise LinkBroken("a read through the link failed")

    async def keep_linked(self) -> None:
        """Links to Redis, and again whenever the link breaks, until cancelled."""
        while True:
            pool = ConnectionPool.from_url(
                self.url,
                protocol=2,  # RESP2: the listener receives invalidations as pub/sub messages
                decode_responses=True,
                socket_timeout=None,
                retry=Retry(NoBackoff(), 0),  # a reconnected reader would not be tracked
            )
            try:
                await self.link(pool)
            except* LINK_ERRORS as broken:
                logger.warning("the session cache lost its link to Redis: %r", broken.exceptions)
            finally:
                self.unlink()
                await pool.disconnect()
            await asyncio.sleep(RELINK_SECONDS)

    async def link(self, pool: ConnectionPool) -> None:
        """Opens both connections, then listens until one of them fails."""
        listener = pool.make_connection()
        await listener.connect()
        await listener.send_command("CLIENT", "ID")
        listener_id = await listener.read_response()
        await listener.send_command("SUBSCRIBE", INVALIDATIONS)
        await listener.read_response()
        reader = Redis(connection_pool=pool, single_connection_client=True)
        tracking = ("REDIRECT", listener_id, "BCAST", "PREFIX", sessions.KEY_PREFIX, "NOLOOP")
        await reader.execute_command("CLIENT", "TRACKING", "ON", *tracking)
        self.copies.clear()
        self.broken.clear()
        self.reader, self.heard_at = reader, time.monotonic()
        try:
            async with asyncio.TaskGroup() as link:
                link.create_task(self.listen(listener))
                link.create_task(self.beat(listener))
                link.create_task(self.until_broken())
        finally:
            await reader.aclose()

    async def listen(self, listener: AbstractConnection) -> None:
        """Each message: `["message", INVALIDATIONS, [keys]]`, or the heartbeat's `["pong", ""]`.
        (A FLUSHDB's message names no keys and fails to parse: the link is rebuilt, which drops
        every copy, as it should.)"""
        while True:
            message = await listener.read_response(timeout=math.inf)
            self.heard_at = time.monotonic()
            if isinstance(message, list) and message[0] == "message":
                self.changed(message[2] or ())

    async def beat(self, listener: AbstractConnection) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            if time.monotonic() - self.heard_at >= SILENCE_SECONDS:
                raise ListenerSilent(f"no answer from Redis for {SILENCE_SECONDS} s")
            await listener.send_command("PING")


class ListenerSilent(RedisError):
    """The listener's connection stays open but Redis no longer answers on it."""


class LinkBroken(RedisError):
    """A read through the reader failed, so its replies may be out of step."""


@asynccontextmanager
async def session_cache(
    url: str, fallback: Redis, idle: timedelta, seal: sessions.StateSeal
) -> AsyncIterator[SessionCache]:
    """The cache, linked to Redis in the background for as long as the context lasts."""
    cache = SessionCache(url, fallback, idle, seal)
    linking = asyncio.create_task(cache.keep_linked()) if url else None
    try:
        yield cache
    finally:
        if linking:
            linking.cancel()
            with suppress(asyncio.CancelledError):
                await linking
