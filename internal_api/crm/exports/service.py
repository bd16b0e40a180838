"""Contact exports to CSV: a job queued for a contact search and columns, written by the queue
manager's `contacts_export.write_csv` task (`shared.domain.csv_jobs.exporting`), downloaded
once.

The export holds the contacts its creator may see, found as the contact list finds them: the
search is resolved here into the query the task runs, with the creator's visibility in it. Its
file can be downloaded once (then it is deleted; a second download answers 410 Gone), and the
`contacts_export_cleanup` cron deletes each export, file and job, once its retention has passed
since it finished.
"""

import uuid
from collections.abc import AsyncIterator

from internal_api.crm.contacts.filtering import CONTACT_FIELDS, CUSTOM, contact_filter
from internal_api.crm.exports.schemas import ExportCreate
from internal_api.crm.query import Where
from internal_api.crm.visibility import visibility_filter
from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.csv_jobs import repository
from shared.domain.csv_jobs.exporting import stored_query
from shared.domain.csv_jobs.repository import CsvJobs
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict, Gone, InvalidInput
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.storage import FileStorage
from shared.utilities.task_names import CONTACTS_EXPORT_WRITE_CSV

EXPORTABLE = {"id", "address.street", *CONTACT_FIELDS}
FILTERS_LOCATION = Where("body", "filters.conditions", "filters.q")


def exports(principal: Principal) -> CsvJobs:
    return CsvJobs.seen_by(principal, CsvJobKind.EXPORT)


async def get_export(principal: Principal, job_id: str) -> CsvJob:
    return await exports(principal).get(job_id)


async def list_exports(principal: Principal, paging: PageParams) -> Page[CsvJob]:
    """The caller's exports, or the account's for its owner and admins."""
    return await exports(principal).paginate(paging)


async def queue_export(principal: Principal, body: ExportCreate) -> CsvJob:
    """A new export job, its task enqueued; 422 naming an unknown column or a bad filter,
    before anything is queued."""
    await check_columns(principal.account_id, body.columns)
    job = await CsvJobs(principal.account_id, CsvJobKind.EXPORT).create(
        kind=CsvJobKind.EXPORT,
        created_by=principal.sub,
        created_by_role=principal.role,
        idempotency_key=uuid.uuid4().hex,
        filters=body.filters.model_dump(),
        query=stored_query(await export_query(principal, body)),
        columns=body.columns,
    )
    enqueue_job(CONTACTS_EXPORT_WRITE_CSV, job_id=str(job.id))
    return job


async def export_query(principal: Principal, body: ExportCreate) -> dict:
    """The contacts of the search that the creator sees."""
    account_id = CsvJobs(principal.account_id, CsvJobKind.EXPORT).account_id
    search = await contact_filter(account_id, body.filters, FILTERS_LOCATION)
    visibility = await visibility_filter(principal)
    return {"$and": [search, visibility]} if visibility else search


async def check_columns(account_id: str, columns: list[str]) -> None:
    keys = [column.removeprefix(CUSTOM) for column in columns if column.startswith(CUSTOM)]
    found = list((await CustomFieldRepository(account_id).keyed(keys)).values()) if keys else []
    known = EXPORTABLE | {f"{CUSTOM}{field.key}" for field in found}
    unknown = [(index, column) for index, column in enumerate(columns) if column not in known]
    if unknown:
        raise InvalidInput(
            f"Unknown columns: {', '.join(column for _, column in unknown)}.",
            details=[
                {"field": f"columns.{index}", "message": f"{column!r} is not a contact field"}
                for index, column in unknown
            ],
        )


class ExportEnded(Conflict):
    """The export is ready, failed or cancelled already: there is nothing left to cancel."""

    code = "export_ended"


async def cancel_export(principal: Principal, job_id: str) -> CsvJob:
    """The export, cancelled: its task writes no file, or stops writing one and discards it."""
    job = await get_export(principal, job_id)
    cancelled = await repository.cancel(job)
    if cancelled is None:
        raise ExportEnded(f"Contact export {job_id} has ended ({job.status.value}).")
    return cancelled


async def take_download(principal: Principal, job_id: str) -> CsvJob:
    """The export, marked downloaded: only one request ever gets it, even two at once."""
    job = await get_export(principal, job_id)
    if job.status in (CsvJobStatus.QUEUED, CsvJobStatus.RUNNING):
        raise Conflict("The export is not ready yet.")
    assert job.id is not None, "a stored job"
    taken = await exports(principal).take_download(job.id)
    if taken is None:
        raise Gone("The export was downloaded already, or has expired.")
    return taken


async def download(job: CsvJob, storage: FileStorage) -> AsyncIterator[bytes]:
    """The file's bytes; the file is deleted once they have been sent (or the client left)."""
    assert job.file_key is not None and job.id is not None, "take_download checked it"
    try:
        async for chunk in storage.read(job.file_key):
            yield chunk
    finally:
        await storage.delete(job.file_key)
        await repository.forget_file(job.id)
