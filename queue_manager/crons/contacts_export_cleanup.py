"""Deletes the contact exports, file and job, whose retention (EXPORT_RETENTION_SECONDS) has
passed since they finished; a downloaded export's file went at its download already."""

from queue_manager.celery import app, settings
from shared.domain.csv_jobs.exporting import delete_expired_exports
from shared.utilities.storage_settings import storage_for
from shared.utilities.task_names import CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED
from shared.utilities.worker import platform_task


@platform_task(app, CONTACTS_EXPORT_CLEANUP_DELETE_EXPIRED)
async def delete_expired() -> int:
    """Returns how many exports were deleted."""
    return await delete_expired_exports(storage_for(settings))
