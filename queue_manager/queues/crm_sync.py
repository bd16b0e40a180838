"""Queue `crm_sync` (QM_CRM_SYNC): a contact's change pushed to one of the account's CRMs,
and a CRM's changes since the sync's cursor pulled (the initial import among them), each run
by the external API on the account's connection (`queue_manager.crm_sync.client`)."""

from typing import Any

from queue_manager.celery import app
from queue_manager.crm_sync.client import ask
from shared.utilities.task_names import CRM_SYNC_PULL, CRM_SYNC_PUSH
from shared.utilities.worker import platform_task


@platform_task(app, CRM_SYNC_PUSH)
async def push(account_id: str, provider: str, contact_id: str) -> dict[str, Any]:
    return await ask(provider, account_id, f"contacts/{contact_id}/push")


@platform_task(app, CRM_SYNC_PULL)
async def pull(account_id: str, provider: str) -> dict[str, Any]:
    return await ask(provider, account_id, "pull")
