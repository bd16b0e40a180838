"""Cron `crm_sync_poll` (QM_CRM_SYNC_POLL): every enabled CRM sync past its initial import
gets a pull (`crm_sync.pull`) of what changed since its cursor: the changes a webhook missed,
and the deletions Salesforce's outbound messages do not announce."""

from queue_manager.celery import app
from shared.domain.crm_sync.repository import syncs_to_poll
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import CRM_SYNC_POLL_PULL_ALL, CRM_SYNC_PULL
from shared.utilities.worker import platform_task


@platform_task(app, CRM_SYNC_POLL_PULL_ALL)
async def pull_all() -> int:
    """How many pulls were queued."""
    syncs = await syncs_to_poll()
    for sync in syncs:
        enqueue_job(CRM_SYNC_PULL, account_id=str(sync.account_id), provider=sync.provider)
    return len(syncs)
