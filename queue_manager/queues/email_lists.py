"""Queue `email_lists` (QM_EMAIL_LISTS): an email-marketing list kept in sync with a CRM tag,
one contact's change or the whole tag at a time, run by the external API on the account's
connection (`POST /v1/e/{provider}/audience-syncs/{sync_id}/run`). A busy answer is retried;
a refusal (not connected, the connection refused) is final; a sync removed meanwhile (404)
has nothing left to do.

Its cron polls the lists of the providers sending no unsubscribe webhook (Constant Contact):
one poll for each list (`POST /v1/e/{provider}/audience-syncs/{sync_id}/poll`), its
unsubscribes since the last poll opting the contacts out on the platform."""

from typing import Any

from queue_manager.celery import app
from queue_manager.external.client import ExternalApiBusy, call
from shared.domain.email_lists.polls import ask_polls
from shared.utilities.task_names import EMAIL_LISTS_POLL, EMAIL_LISTS_POLL_ALL, EMAIL_LISTS_SYNC
from shared.utilities.worker import platform_task

GONE = frozenset({404})


@platform_task(app, EMAIL_LISTS_SYNC, retry_on=(ExternalApiBusy,))
async def sync(
    account_id: str, provider: str, sync_id: str, contact_id: str = ""
) -> dict[str, Any] | None:
    path = f"/v1/e/{provider}/audience-syncs/{sync_id}/run"
    body = {"account_id": account_id, "contact_id": contact_id}
    return await call("POST", path, json=body, expected=GONE)


@platform_task(app, EMAIL_LISTS_POLL_ALL)
async def poll_all() -> int:
    """How many polls were queued."""
    return await ask_polls()


@platform_task(app, EMAIL_LISTS_POLL, retry_on=(ExternalApiBusy,))
async def poll(account_id: str, provider: str, sync_id: str) -> dict[str, Any] | None:
    path = f"/v1/e/{provider}/audience-syncs/{sync_id}/poll"
    return await call("POST", path, json={"account_id": account_id}, expected=GONE)
