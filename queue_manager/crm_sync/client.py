"""The external API's CRM sync as the queue manager calls it, with its service token, on a
pooled client per event loop: `POST /v1/e/crm-sync/{provider}/accounts/{account_id}/...`.

A busy answer (no answer, 429, 5xx) is retried by the task; 409 (`not_connected`,
`reconnect_needed`) and other refusals are final: the task is dead-lettered with the answer."""

from functools import cache
from typing import Any

import httpx

from queue_manager.celery import settings
from shared.utilities.auth import Authenticator, authenticator_for
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PerLoop, PermanentError

CALLER = "queue_manager"
AUDIENCE = "external_api"


class ExternalApiBusy(Exception):
    """No answer, or one worth asking again for: the task is retried."""


@cache
def authenticator() -> Authenticator:
    return authenticator_for(settings)


def external_api_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=settings.crm_sync_timeout_seconds)


clients: PerLoop[httpx.AsyncClient] = PerLoop(external_api_client, close=httpx.AsyncClient.aclose)


def external_api() -> SiblingService:
    return SiblingService(
        clients.get(), settings.external_api_url, authenticator(), CALLER, AUDIENCE
    )


async def ask(provider: str, account_id: str, action: str, body: dict | None = None) -> Any:
    """The external API's answer to `action` (pull, changes, contacts/<id>/push)."""
    path = f"/v1/e/crm-sync/{provider}/accounts/{account_id}/{action}"
    try:
        response = await external_api().request("POST", path, json=body or {})
    except httpx.TransportError as error:
        raise ExternalApiBusy(f"no answer: {error!r}") from error
    if worth_retrying(response):
        raise ExternalApiBusy(f"the external API answered {response.status_code}")
    if response.is_error:
        raise PermanentError(
            f"the external API refused {action} for {provider}: "
            f"{response.status_code} {response.text[:500]}"
        )
    return response.json()
