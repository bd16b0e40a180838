"""Purges the accounts deleted longer ago than their restore period (30 days), with every
tenant document they own (`shared.domain.accounts.purge`): one stopped half-way is finished by
the next run, and a run with nothing to purge does nothing."""

from queue_manager.celery import app
from shared.domain.accounts.purge import purge_expired
from shared.utilities.task_names import ACCOUNTS_PURGE_DELETE_EXPIRED
from shared.utilities.worker import platform_task


@platform_task(app, ACCOUNTS_PURGE_DELETE_EXPIRED)
async def delete_expired() -> int:
    """Returns how many accounts were purged."""
    return await purge_expired()
