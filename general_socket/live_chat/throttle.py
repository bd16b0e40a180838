"""Visitors may connect and write only so often: the widget is public, so a script holding its
key could otherwise flood an account's inbox and CRM. Counted per minute in Redis, so every
replica counts together: writes per visitor, per address and per widget; connections per
address and per widget (a script can always start a new visitor, but not a new address or a
new widget)."""

import time

from redis.asyncio import Redis

from general_socket.live_chat.tokens import Visitor
from general_socket.settings import GeneralSocketSettings
from shared.utilities.errors import RateLimited

WINDOW_SECONDS = 60


async def count(redis: Redis, limits: dict[str, int], message: str) -> None:
    """Count one against each key of `limits` in this minute; RateLimited when any is over
    its limit."""
    window = int(time.time() // WINDOW_SECONDS)
    pipeline = redis.pipeline(transaction=False)
    for key in limits:
        pipeline.incr(f"{key}:{window}")
        pipeline.expire(f"{key}:{window}", WINDOW_SECONDS)
    counts = (await pipeline.execute())[::2]
    if any(counted > limit for counted, limit in zip(counts, limits.values(), strict=True)):
        retry_after = WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS
        raise RateLimited(message, details=[{"retry_after_seconds": retry_after}])


async def count_write(
    redis: Redis, visitor: Visitor, ip: str, settings: GeneralSocketSettings
) -> None:
    """One message or identity from the visitor."""
    writes = "live_chat:writes"
    limits = {
        f"{writes}:visitor:{visitor.account_id}:{visitor.sub}": settings.visitor_writes_per_minute,
        f"{writes}:ip:{ip}": settings.visitor_writes_per_minute_per_ip,
        f"{writes}:widget:{visitor.widget_id}": settings.visitor_writes_per_minute_per_widget,
    }
    await count(redis, limits, "Too many messages; wait a moment.")


async def count_connection_from(redis: Redis, ip: str, settings: GeneralSocketSettings) -> None:
    """A visitor connecting from the address, counted before anything is looked up."""
    limits = {f"live_chat:connections:ip:{ip}": settings.visitor_connections_per_minute_per_ip}
    await count(redis, limits, "Too many connections from this address; wait a moment.")


async def count_connection_to(
    redis: Redis, widget_id: str, settings: GeneralSocketSettings
) -> None:
    """A visitor connecting through the widget."""
    per_widget = settings.visitor_connections_per_minute_per_widget
    limits = {f"live_chat:connections:widget:{widget_id}": per_widget}
    await count(redis, limits, "Too many visitors are connecting; wait a moment.")
