"""What a request asked the platform to send (`platform_messages.send` jobs, read from the
broker once its outbox has left), with the `platform_messages` fixture emptying the queue."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

from redis.asyncio import Redis

from shared.utilities.task_names import PLATFORM_MESSAGES_SEND
from tests.internal_api.webhooks.queued import queued_soon


async def asked(redis: Redis, count: int = 1) -> list[dict[str, Any]]:
    """The messages' arguments, oldest first, once `count` are queued."""
    return await queued_soon(redis, PLATFORM_MESSAGES_SEND.queue, count)


def token_in(path: str) -> str:
    """The `token` a dashboard link carries."""
    return parse_qs(urlsplit(path).query)["token"][0]
