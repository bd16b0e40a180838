"""The external API's CRM sync as the queue manager asks it through its one external API
client (`queue_manager.external.client`), given longer for an initial import:
`POST /v1/e/crm-sync/{provider}/accounts/{account_id}/...`.

A busy answer (no answer, 429, 5xx) is retried by the task; 409 (`not_connected`,
`reconnect_needed`) and other refusals are final: the task is dead-lettered with the answer."""

from typing import Any

import httpx

from queue_manager.celery import settings
from queue_manager.external.client import ExternalApiBusy, external_api
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PermanentError

__all__ = ["ExternalApiBusy", "ask"]


async def ask(provider: str, account_id: str, action: str, body: dict | None = None) -> Any:
    """The external API's answer to `action` (pull, changes, contacts/<id>/push)."""
    path = f"/v1/e/crm-sync/{provider}/accounts/{account_id}/{action}"
    try:
        response = await external_api().request(
            "POST", path, json=body or {}, timeout=settings.crm_sync_timeout_seconds
        )
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
