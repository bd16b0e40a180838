"""Queue `email_lists` (QM_EMAIL_LISTS): an email-marketing list kept in sync with a CRM tag,
one contact's change or the whole tag at a time, run by the external API on the account's
connection (`queue_manager.email_lists.client`)."""

from typing import Any

from queue_manager.celery import app
from queue_manager.email_lists import client
from shared.utilities.task_names import EMAIL_LISTS_SYNC
from shared.utilities.worker import platform_task


@platform_task(app, EMAIL_LISTS_SYNC, retry_on=(client.ExternalApiBusy,))
async def sync(
    account_id: str, provider: str, sync_id: str, contact_id: str = ""
) -> dict[str, Any]:
    return await client.run(account_id, provider, sync_id, contact_id)
