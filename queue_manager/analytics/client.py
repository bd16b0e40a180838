"""The external API's analytics pull and Semrush visibility, as the queue manager asks them
through its one external API client (`queue_manager.external.client`)."""

import logging

import httpx
from beanie import PydanticObjectId

from queue_manager.external.client import ExternalApiBusy, external_api
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PermanentError

logger = logging.getLogger(__name__)

__all__ = ["ExternalApiBusy", "pull", "semrush_visibility"]


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
