"""The session events internal_api publishes, heard as a socket service's replica hears them."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from shared.utilities.session_events import CHANNEL, SessionEvent


@asynccontextmanager
async def session_events(redis: Redis) -> AsyncIterator[list[SessionEvent]]:
    """Subscribed around the block; the list holds what was published during it, once the
    block ends."""
    heard: list[SessionEvent] = []
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(CHANNEL)
        await pubsub.get_message(timeout=1)  # the subscription's confirmation
        yield heard
        # Published before the answer came back, so already on the connection.
        while message := await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2):
            heard.append(SessionEvent.model_validate_json(message["data"]))
