"""Queues `contacts` (QM_CONTACTS) and `contacts_export` (QM_CONTACTS_EXPORT): the CSV jobs the
internal API stored queued, an import read and written, an export written
(`shared.domain.csv_jobs`). The files are in the file storage the internal API shares
(`FILES_DIR`, or `FILES_S3_BUCKET` in distributed mode).

A job's own status guards it: a finished one is not run again whatever delivers its task, and
one handed back by a stopping worker (still `running`) is resumed by the redelivery after the
rows it committed.
"""

from queue_manager.celery import app, settings
from shared.domain.csv_jobs.exporting import run_export
from shared.domain.csv_jobs.importing import run_import
from shared.utilities.storage_settings import storage_for
from shared.utilities.task_names import CONTACTS_EXPORT_WRITE_CSV, CONTACTS_IMPORT_CSV
from shared.utilities.worker import platform_task


@platform_task(app, CONTACTS_IMPORT_CSV)
async def import_csv(job_id: str) -> None:
    await run_import(job_id, storage_for(settings), settings)


@platform_task(app, CONTACTS_EXPORT_WRITE_CSV)
async def write_csv(job_id: str) -> None:
    await run_export(job_id, storage_for(settings), settings.export_retention_seconds)
