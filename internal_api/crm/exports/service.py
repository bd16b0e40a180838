"""Contact exports to CSV: a job queued for a contact search and columns, written in the
background, downloaded once.

The export holds the contacts its creator may see, found as the contact list finds them. Its
file can be downloaded once (then it is deleted; a second download answers 410 Gone), and a
sweep deletes each export, file and job, once its retention has passed since it finished.
"""

import csv
import io
import logging
import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

from beanie.odm.operators.update.general import Set
from beanie.odm.queries.update import UpdateResponse

from internal_api.crm.contacts.filtering import CONTACT_FIELDS, CUSTOM, contact_filter
from internal_api.crm.contacts.schemas import ContactSearch
from internal_api.crm.csv_jobs import CsvJobs, claim, save_progress
from internal_api.crm.exports.schemas import ExportCreate
from internal_api.crm.query import Where
from internal_api.crm.visibility import VisibleRepository, visibility_filter
from internal_api.storage import CHUNK_BYTES, FileStorage
from shared.domain.contacts.repository import CustomFieldRepository
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import Conflict, Gone, InvalidInput

logger = logging.getLogger(__name__)

EXPORTABLE = {"id", "address.street", *CONTACT_FIELDS}
PROGRESS_EVERY_ROWS = 500
FILTERS_LOCATION = Where("body", "filters.conditions", "filters.q")


def exports(account_id) -> CsvJobs:
    return CsvJobs(account_id, CsvJobKind.EXPORT)


async def get_export(principal: Principal, job_id: str) -> CsvJob:
    return await exports(principal.account_id).get(job_id)


async def queue_export(principal: Principal, body: ExportCreate) -> CsvJob:
    """A new export job; 422 naming an unknown column or a bad filter, before it is queued."""
    await check_columns(principal.account_id, body.columns)
    await contact_filter(exports(principal.account_id).account_id, body.filters, FILTERS_LOCATION)
    return await exports(principal.account_id).create(
        kind=CsvJobKind.EXPORT,
        created_by=principal.sub,
        created_by_role=principal.role,
        idempotency_key=uuid.uuid4().hex,
        filters=body.filters.model_dump(),
        columns=body.columns,
    )


async def check_columns(account_id: str, columns: list[str]) -> None:
    keys = [column.removeprefix(CUSTOM) for column in columns if column.startswith(CUSTOM)]
    found = list((await CustomFieldRepository(account_id).keyed(keys)).values()) if keys else []
    known = EXPORTABLE | {f"{CUSTOM}{field.key}" for field in found}
    unknown = [(index, column) for index, column in enumerate(columns) if column not in known]
    if unknown:
        raise InvalidInput(
            f"Unknown columns: {', '.join(column for _, column in unknown)}.",
            details=[
                {"field": f"body.columns.{index}", "message": f"{column!r} is not a contact field"}
                for index, column in unknown
            ],
        )


async def run_export(job_id: str, storage: FileStorage, retention_seconds: int) -> None:
    """The background job: writes the matching contacts, oldest first, to a new file."""
    job = await claim(job_id)
    if job is None:
        return
    try:
        key = f"{uuid.uuid4().hex}.csv"
        async with storage.writer(key) as writer:
            async for text in csv_text(job):
                await writer.write(text.encode())
        job.file_key, job.filename = key, f"contacts-{job.id}.csv"
        job.status = CsvJobStatus.DONE
    except Exception:
        logger.exception("export %s failed", job_id)
        job.status, job.failure = CsvJobStatus.FAILED, "The export failed; ask for it again."
    finally:
        job.finished_at = utc_now()
        job.expires_at = job.finished_at + timedelta(seconds=retention_seconds)
        await save_progress(job)


async def csv_text(job: CsvJob) -> AsyncIterator[str]:
    """The file's text in pieces of about CHUNK_BYTES, counting rows into the job."""
    creator = Principal(
        kind=TokenKind.USER,
        sub=str(job.created_by),
        account_id=str(job.account_id),
        role=job.created_by_role,
    )
    contacts = VisibleRepository(Contact, creator.account_id, await visibility_filter(creator))
    search = ContactSearch.model_validate(job.filters)
    filters = await contact_filter(contacts.account_id, search, FILTERS_LOCATION)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(job.columns)
    async for contact in Contact.find(contacts.scoped(filters)).sort("+created_at", "+_id"):
        writer.writerow(cells(contact, job.columns))
        job.rows_done += 1
        if job.rows_done % PROGRESS_EVERY_ROWS == 0:
            await save_progress(job)
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[\d .()]+")


def cells(contact: Contact, columns: list[str]) -> list[str]:
    custom = {value.field: value.value for value in contact.custom_values}
    return [cell(column_value(contact, column, custom)) for column in columns]


def column_value(contact: Contact, column: str, custom: dict[str, Any]) -> Any:
    if column.startswith(CUSTOM):
        return custom.get(column.removeprefix(CUSTOM))
    if column.startswith("address."):
        return getattr(contact.address, column.removeprefix("address."), None)
    return getattr(contact, column)


def cell(value: Any) -> str:
    """Lists as the import reads them back (comma-separated), dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, datetime):
        return value.isoformat()
    return inert(str(value))


def inert(text: str) -> str:
    """Text a spreadsheet would run as a formula, quoted so it is shown instead (OWASP's CSV
    injection advice). Plain numbers, such as E.164 phones, are left as they are."""
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


async def take_download(principal: Principal, job_id: str) -> CsvJob:
    """The export, marked downloaded: only one request ever gets it, even two at once."""
    job = await get_export(principal, job_id)
    if job.status in (CsvJobStatus.QUEUED, CsvJobStatus.RUNNING):
        raise Conflict("The export is not ready yet.")
    unclaimed = exports(principal.account_id).scoped(
        {"_id": job.id, "downloaded_at": None, "file_key": {"$ne": None}}
    )
    taken = await CsvJob.find_one(unclaimed).update(
        Set({CsvJob.downloaded_at: utc_now()}), response_type=UpdateResponse.NEW_DOCUMENT
    )
    if taken is None:
        raise Gone("The export was downloaded already, or has expired.")
    return taken


async def download(job: CsvJob, storage: FileStorage) -> AsyncIterator[bytes]:
    """The file's bytes; the file is deleted once they have been sent (or the client left)."""
    assert job.file_key is not None  # take_download checked it
    try:
        async for chunk in storage.read(job.file_key):
            yield chunk
    finally:
        await storage.delete(job.file_key)
        await CsvJob.find_one({"_id": job.id}).update(Set({CsvJob.file_key: None}))


async def delete_expired_exports(storage: FileStorage, now: datetime | None = None) -> int:
    """Deletes every export past its retention, file and job; how many. A platform sweep over
    every account, hence no tenant repository."""
    expired = CsvJob.find({"kind": CsvJobKind.EXPORT, "expires_at": {"$lte": now or utc_now()}})
    count = 0
    async for job in expired:
        if job.file_key:
            await storage.delete(job.file_key)
        await job.delete()
        count += 1
    return count
