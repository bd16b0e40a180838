"""The external API's analytics pull as the queue manager calls it, with its service token, on
a pooled client per event loop."""

import logging

import httpx
from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.platform_messages.client import authenticator
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PerLoop, PermanentError

logger = logging.getLogger(__name__)

CALLER = "queue_manager"
AUDIENCE = "external_api"


class ExternalApiBusy(Exception):
    """No answer, or one worth asking again for (429, 5xx): the pull is retried."""


def external_api_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=settings.external_api_timeout_seconds)


clients: PerLoop[httpx.AsyncClient] = PerLoop(external_api_client, close=httpx.AsyncClient.aclose)


def external_api() -> SiblingService:
    return SiblingService(
        clients.get(), settings.external_api_url, authenticator(), CALLER, AUDIENCE
    )


async def semrush_visibility(account_id: PydanticObjectId, domain: str) -> dict[str, float] | None:
    """A prospect's search visibility read with the account's Semrush key; None when the
    account has none (or Semrush cannot say): the InstaReport then checks the page alone."""
    body = {"account_id": str(account_id), "domain": domain}
    try:
        response = await external_api().request("POST", "/v1/e/semrush/visibility", json=body)
    except httpx.TransportError as error:
        logger.warning("Semrush visibility of %s not read: %r", domain, error)
        return None
    if response.is_error:
        return None
    return response.json()


async def pull(account_id: str, source: str, start_date: str, end_date: str) -> dict:
    """How many pulls the external API made. A refusal (not connected, the provider refusing
    the connection, a bad range) is final: the job is dead-lettered with the answer."""
    external = external_api()
    body = {"account_id": account_id, "source": source}
    body |= {"start_date": start_date, "end_date": end_date}
    try:
        response = await external.request("POST", "/v1/e/analytics/sync", json=body)
    except httpx.TransportError as error:
        raise ExternalApiBusy(f"no answer: {error!r}") from error
    if worth_retrying(response):
        raise ExternalApiBusy(f"the external API answered {response.status_code}")
    if response.is_error:
        raise PermanentError(
            f"the external API refused {source} for {account_id}: "
            f"{response.status_code} {response.text[:500]}"
        )
    return response.json()
