"""Writing a contact export: the contacts its query finds, oldest first, in its columns, to a
new file that can be downloaded once.

The query is the one the internal API resolved when the export was asked for (the contact
search, narrowed to what its creator may see), stored with the job as MongoDB extended JSON;
the account is added again here whatever it says.
"""

import csv
import io
import logging
import re
import uuid
from collections.abc import AsyncIterator, Mapping
from datetime import datetime, timedelta
from typing import Any

from bson import json_util

from shared.domain.csv_jobs import repository
from shared.domain.csv_jobs.progress import save_progress
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.csv_queue import CsvJob, CsvJobStatus
from shared.utilities.storage import CHUNK_BYTES, FileStorage

logger = logging.getLogger(__name__)

CUSTOM = "custom."
PROGRESS_EVERY_ROWS = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[\d .()]+")


class ExportCancelled(Exception):
    """Its creator cancelled the export while it was being written."""


def stored_query(query: Mapping[str, Any]) -> str:
    return json_util.dumps(query)


async def run_export(job_id: str, storage: FileStorage, retention_seconds: int) -> None:
    """Writes the file; the export expires `retention_seconds` after it finished."""
    job = await repository.start(job_id)
    if job is None:
        return
    job.rows_done = 0  # a run handed back starts its file again
    try:
        key = f"{uuid.uuid4().hex}.csv"
        async with storage.writer(key) as writer:
            async for text in csv_text(job):
                await writer.write(text.encode())
            await stop_if_cancelled(job)
        job.file_key, job.filename = key, f"contacts-{job.id}.csv"
        job.status = CsvJobStatus.DONE
    except ExportCancelled:
        job.status = CsvJobStatus.CANCELLED  # the writer discarded the part written
    except Exception:
        logger.exception("export %s failed", job_id)
        job.status, job.failure = CsvJobStatus.FAILED, "The export failed; ask for it again."
    job.finished_at = utc_now()
    job.expires_at = job.finished_at + timedelta(seconds=retention_seconds)
    await save_progress(job)


async def csv_text(job: CsvJob) -> AsyncIterator[str]:
    """The file's text in pieces of about CHUNK_BYTES, counting rows into the job."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(job.columns)
    query = json_util.loads(job.query or "{}")
    async for contact in repository.exported_contacts(job.account_id, query):
        writer.writerow(cells(contact, job.columns))
        job.rows_done += 1
        if job.rows_done % PROGRESS_EVERY_ROWS == 0:
            await stop_if_cancelled(job)
            await save_progress(job)
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


async def stop_if_cancelled(job: CsvJob) -> None:
    """Looked up at each progress save and before the file is kept: one query per
    PROGRESS_EVERY_ROWS rows."""
    assert job.id is not None, "a stored job"
    if await repository.is_cancelled(job.id):
        raise ExportCancelled()


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


async def delete_expired_exports(storage: FileStorage, now: datetime | None = None) -> int:
    """Deletes every export past its retention, file and job; how many."""
    count = 0
    async for job in repository.expired_exports(now or utc_now()):
        if job.file_key:
            await storage.delete(job.file_key)
        await job.delete()
        count += 1
    return count
