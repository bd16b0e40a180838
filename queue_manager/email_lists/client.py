"""A list sync's run asked of the external API through the queue manager's one external API
client: `POST /v1/e/{provider}/audience-syncs/{sync_id}/run`.

A busy answer (no answer, 429, 5xx) is retried by the task; 409 (`not_connected`,
`reconnect_needed`), 404 (the sync removed meanwhile) and other refusals are final: the task
is dead-lettered with the answer."""

from typing import Any

import httpx

from queue_manager.external.client import ExternalApiBusy, external_api
from shared.utilities.upstream import worth_retrying
from shared.utilities.worker import PermanentError

__all__ = ["ExternalApiBusy", "run"]


async def run(account_id: str, provider: str, sync_id: str, contact_id: str) -> dict[str, Any]:
    path = f"/v1/e/{provider}/audience-syncs/{sync_id}/run"
    body = {"account_id": account_id, "contact_id": contact_id}
    try:
        response = await external_api().request("POST", path, json=body)
    except httpx.TransportError as error:
        raise ExternalApiBusy(f"no answer: {error!r}") from error
    if worth_retrying(response):
        raise ExternalApiBusy(f"the external API answered {response.status_code}")
    if response.is_error:
        raise PermanentError(
            f"the external API refused the {provider} list sync {sync_id}: "
            f"{response.status_code} {response.text[:500]}"
        )
    return response.json()
