"""A visitor may write only so often: the widget is public, so a script holding its key could
otherwise flood an account's inbox and CRM. Counted per visitor and minute in Redis, so every
replica counts together."""

import time

from redis.asyncio import Redis

from general_socket.live_chat.tokens import Visitor
from shared.utilities.errors import RateLimited

WINDOW_SECONDS = 60


async def count_write(redis: Redis, visitor: Visitor, per_minute: int) -> None:
    """Count one message or identity from the visitor; 429 past `per_minute` in this minute."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"live_chat:writes:{visitor.account_id}:{visitor.sub}:{window}"
    count = await redis.incr(key)
    if count == 1:
        await redis.expire(key, WINDOW_SECONDS)
    if count > per_minute:
        raise RateLimited(
            "Too many messages; wait a moment.",
            details=[{"retry_after_seconds": WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS}],
        )
