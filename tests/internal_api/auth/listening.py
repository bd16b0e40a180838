"""The session events internal_api publishes, heard as a socket service's replica hears them."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from shared.utilities.session_events import CHANNEL, SessionEvent


@asynccontextmanager
async def session_events(redis: Redis, user_id: object) -> AsyncIterator[list[SessionEvent]]:
    """Subscribed around the block; the list holds what was published during it about the
    user, once the block ends (the suite's other workers publish on the same channel: a Redis
    channel spans the server's databases)."""
    heard: list[SessionEvent] = []
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(CHANNEL)
        await pubsub.get_message(timeout=1)  # the subscription's confirmation
        yield heard
        # Published before the answer came back, so already on the connection.
        while message := await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2):
            event = SessionEvent.model_validate_json(message["data"])
            if event.user_id == str(user_id):
                heard.append(event)
