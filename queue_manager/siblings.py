"""Sibling services as the reputation and affiliates queues call them, with the queue manager's
service token: the external API (syncs, replies, Tipalti) and the notification service (review
requests), on a pooled client per event loop."""

import httpx

from queue_manager.celery import settings
from queue_manager.external.client import external_api as external_api
from queue_manager.platform_messages.client import authenticator
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PerLoop, PermanentError

CALLER = "queue_manager"


def new_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=settings.reputation_timeout_seconds)


clients: PerLoop[httpx.AsyncClient] = PerLoop(new_client, close=httpx.AsyncClient.aclose)


class SiblingBusy(Exception):
    """No answer, or one worth asking again for (429, 5xx): the task is retried."""


def sibling(url: str, audience: str) -> SiblingService:
    return SiblingService(clients.get(), url, authenticator(), CALLER, audience)


def notifications() -> SiblingService:
    return sibling(settings.notifications_url, "notifications")


def error_code(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""


async def answer_of(service: SiblingService, method: str, path: str, **options) -> httpx.Response:
    """The sibling's answer: retried when busy; a refusal (4xx) is returned for the caller to
    read, never retried."""
    try:
        response = await service.request(method, path, **options)
    except httpx.TransportError as error:
        raise SiblingBusy(f"{service.audience}: no answer: {error!r}") from error
    if worth_retrying(response):
        raise SiblingBusy(f"{service.audience} answered {response.status_code}")
    return response


def refused(response: httpx.Response, what: str) -> PermanentError:
    return PermanentError(f"{what}: {response.status_code} {response.text[:500]}")
