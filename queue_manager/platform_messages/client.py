"""The notification service as the queue manager calls it: one platform message at a time,
with the queue manager's service token, on a pooled client per event loop."""

import logging
from dataclasses import dataclass, field
from functools import cache

import httpx
from redis.asyncio import Redis

from queue_manager.celery import settings
from queue_manager.platform_messages.links import dashboard_links
from shared.domain.notifications.platform import PLATFORM_EVENTS
from shared.utilities.auth import Authenticator, authenticator_for, service_token
from shared.utilities.realtime import is_online
from shared.utilities.redis import create_redis
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PerLoop, PermanentError

logger = logging.getLogger(__name__)

CALLER = "queue_manager"
AUDIENCE = "notifications"


class NotificationServiceBusy(Exception):
    """No answer, or one worth asking again for (429, 5xx): the task is retried."""


@dataclass(frozen=True)
class PlatformMessage:
    event: str
    channel: str
    account_id: str
    to: str | None
    user_id: str | None
    data: dict[str, str]
    links: dict[str, str]  # variables holding dashboard paths
    attachments: list[dict[str, str]] = field(default_factory=list)  # email only

    def as_request(self, links: dict[str, str]) -> dict:
        return {
            "event": self.event,
            "account_id": self.account_id,
            "to": self.to,
            "user_id": self.user_id,
            "data": self.data | links,
            "urgent": PLATFORM_EVENTS[self.event].urgent,
            **({"attachments": self.attachments} if self.attachments else {}),
        }


@cache
def authenticator() -> Authenticator:
    return authenticator_for(settings)


def notifications_client() -> httpx.AsyncClient:
    timeout = settings.notifications_timeout_seconds
    return httpx.AsyncClient(base_url=settings.notifications_url, timeout=timeout)


clients: PerLoop[httpx.AsyncClient] = PerLoop(notifications_client, close=httpx.AsyncClient.aclose)
presence: PerLoop[Redis] = PerLoop(lambda: create_redis(settings.redis_url), close=Redis.aclose)


async def seen_live(message: PlatformMessage) -> bool:
    event = PLATFORM_EVENTS[message.event]
    if not (event.unless_online and message.user_id):
        return False
    return await is_online(presence.get(), message.account_id, message.user_id)


async def send(message: PlatformMessage) -> dict:
    """The delivery the notification service made of the message (its id and status), or why
    it was not asked for. A refusal (4xx but 429) is final: the message is dead-lettered with
    the service's answer."""
    if await seen_live(message):
        return {"skipped": "the recipient is online"}
    links = await dashboard_links(message.account_id, message.links, settings.dashboard_url)
    token = service_token(authenticator(), CALLER, AUDIENCE)
    try:
        response = await clients.get().post(
            f"/v1/notifications/{message.channel}",
            json=message.as_request(links),
            headers={"authorization": f"Bearer {token}"},
        )
    except httpx.TransportError as error:
        raise NotificationServiceBusy(f"no answer: {error!r}") from error
    if worth_retrying(response):
        raise NotificationServiceBusy(f"the notification service answered {response.status_code}")
    if response.is_error:
        raise PermanentError(
            f"the notification service refused {message.event} by {message.channel}: "
            f"{response.status_code} {response.text[:500]}"
        )
    delivery = response.json()
    return {"delivery_id": delivery["id"], "status": delivery["status"]}
