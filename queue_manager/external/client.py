"""One call of the external API for a task. An answer worth asking again for (no answer, 429,
5xx) raises `ExternalApiBusy`, which the task retries; a refusal (another 4xx, or a provider
the platform has no credentials for) is final and raises `PermanentError` with the API's
error, except the statuses the task says it expects (a domain deleted meanwhile: 404), which
answer None."""

import logging
from functools import cache
from typing import Any

import httpx

from queue_manager.celery import settings
from shared.utilities.auth import Authenticator, authenticator_for
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PerLoop, PermanentError

logger = logging.getLogger(__name__)

CALLER = "queue_manager"
AUDIENCE = "external_api"
# Answers no retry mends: the platform lacks the provider's credentials (ops set them, then
# redrive the dead letter).
NOT_CONFIGURED = frozenset({"duda_not_configured", "rapidapi_not_configured"})


class ExternalApiBusy(Exception):
    """No answer, or one worth asking again for: the task is retried."""


@cache
def authenticator() -> Authenticator:
    return authenticator_for(settings)


def external_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=settings.external_api_timeout_seconds)


clients: PerLoop[httpx.AsyncClient] = PerLoop(external_client, close=httpx.AsyncClient.aclose)


def external_api() -> SiblingService:
    return SiblingService(
        clients.get(), settings.external_api_url, authenticator(), CALLER, AUDIENCE
    )


async def call(
    method: str, path: str, *, expected: frozenset[int] = frozenset(), **options: Any
) -> Any:
    """The answer's JSON (None for an empty one, or a status in `expected`)."""
    try:
        response = await external_api().request(method, path, **options)
    except httpx.TransportError as error:
        raise ExternalApiBusy(f"the external API did not answer: {error!r}") from error
    if error_code(response) in NOT_CONFIGURED:
        raise PermanentError(response.json()["error"]["message"])
    if worth_retrying(response):
        raise ExternalApiBusy(f"the external API answered {response.status_code}")
    if response.status_code in expected:
        return None
    if response.is_error:
        logger.warning("the external API refused %s %s: %s", method, path, response.text[:500])
        raise PermanentError(f"{response.status_code} {response.text[:500]}")
    return response.json() if response.content else None


def error_code(response: httpx.Response) -> str:
    if not response.is_error:
        return ""
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""
