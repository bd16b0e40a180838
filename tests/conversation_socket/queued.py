"""Reading what was queued for Celery straight from the test Redis (the broker's list per
queue), to check which tasks a service sent without a worker."""

import base64
import json
from typing import Any

from redis.asyncio import Redis


async def queued_kwargs(redis: Redis, queue: str) -> list[dict[str, Any]]:
    """The kwargs of every task waiting in the queue, oldest first."""
    messages = await redis.lrange(queue, 0, -1)
    found = []
    for raw in reversed(messages):  # kombu pushes on the left
        message = json.loads(raw)
        _, kwargs, _ = json.loads(base64.b64decode(message["body"]))
        found.append(kwargs)
    return found


async def published_events(redis: Redis, event_type: str) -> list[dict[str, Any]]:
    """Platform events of this type queued for the hooks dispatcher."""
    return [
        kwargs["event"]
        for kwargs in await queued_kwargs(redis, "hooks")
        if kwargs.get("event", {}).get("type") == event_type
    ]
