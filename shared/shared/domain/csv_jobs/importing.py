"""Running a contact import: the rows of its file, after those already done, turned into
contacts through the job's column mapping and written by the contact write path, a chunk of
rows at a time (`shared.domain.contacts.batch`: a few queries per chunk, not per row).

A row is checked whole and becomes a contact (or, in `update_existing` mode, changes the
contact holding its email or phone) or leaves nothing, its errors recorded by row and column;
each contact it makes is an `import` lead, its `source_ref` the job's id. Each chunk is
committed with the job's progress and its contacts' events sent; a run cut short (a stopping
worker hands its task back once the chunk in flight is committed; a crash) resumes after the
last chunk committed. Progress is pushed every second or every PROGRESS_EVERY_ROWS rows,
whichever comes first.
"""

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import aclosing
from typing import Any, TypeVar

from shared.domain.contacts.batch import Outcome, write_contacts
from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.contacts.writing import Author, platform_author
from shared.domain.csv_jobs import repository
from shared.domain.csv_jobs.progress import save_progress
from shared.domain.csv_jobs.reading import CsvLimits, UnreadableCsv, csv_records
from shared.domain.csv_jobs.settings import CsvJobSettings
from shared.domain.leads.recording import Touch
from shared.models.base import utc_now
from shared.models.csv_queue import CsvJob, CsvJobStatus, RowError
from shared.models.custom_field import CustomFieldType
from shared.models.lead import LeadSource
from shared.utilities.errors import DomainError
from shared.utilities.storage import FileStorage

logger = logging.getLogger(__name__)

CUSTOM = "custom."
ADDRESS_PARTS = ("street", "city", "region", "postal_code", "country")
# What a column may be mapped to, besides `custom.<key>`.
CONTACT_TARGETS = {
    "type",
    "first_name",
    "last_name",
    "name",
    "emails",
    "phones",
    "website",
    "source",
    "tags",
    *(f"address.{part}" for part in ADDRESS_PARTS),
}
# A cell of these may hold several values, separated by commas or semicolons.
LIST_TARGETS = {"emails", "phones", "tags"}
SEPARATORS = re.compile(r"[,;]")

CHUNK_ROWS = 250
PROGRESS_EVERY_ROWS = 1000
PROGRESS_EVERY_SECONDS = 1.0
MAX_STORED_ERRORS = 1000  # the job document stays small; `error_count` counts them all

T = TypeVar("T")


async def run_import(job_id: str, storage: FileStorage, settings: CsvJobSettings) -> None:
    """Counts the rows, then imports each after the rows already done. A file it cannot read
    stops it with the reason, naming the line; any other failure says where to resume."""
    job = await repository.start(job_id)
    if job is None:
        await discard_cancelled(job_id, storage)
        return
    if job.file_key is None:
        return
    try:
        job.total_rows = await count_rows(storage, job, settings.csv_limits)
        await save_progress(job)
        importer = await RowImporter.for_job(job, await platform_author(job.account_id, settings))
        finished = await import_rows(storage, job, importer, settings.csv_limits)
        if finished:
            job.status, job.finished_at = CsvJobStatus.DONE, utc_now()
        else:
            job.status = CsvJobStatus.CANCELLED
        await storage.delete(job.file_key)
        job.file_key = None
    except UnreadableCsv as error:
        job.status, job.finished_at, job.failure = CsvJobStatus.FAILED, utc_now(), error.message
    except Exception:
        logger.exception("import %s stopped after row %s", job_id, job.rows_done)
        job.status, job.finished_at = CsvJobStatus.FAILED, utc_now()
        job.failure = (
            f"The import stopped after row {job.rows_done}; "
            "send the same file again to resume from there."
        )
    finally:
        await save_progress(job)


async def discard_cancelled(job_id: str, storage: FileStorage) -> None:
    """The file of an import cancelled before it started goes with it."""
    job = await repository.cancelled_with_file(job_id)
    if job is not None and job.file_key is not None and job.id is not None:
        await storage.delete(job.file_key)
        await repository.forget_file(job.id)


async def count_rows(storage: FileStorage, job: CsvJob, limits: CsvLimits) -> int:
    assert job.file_key is not None, "a job with its file"
    count = 0
    async for _ in csv_records(storage.read(job.file_key), job.encoding, limits):
        count += 1
    return max(count - 1, 0)  # the header is not a row


async def import_rows(
    storage: FileStorage, job: CsvJob, importer: "RowImporter", limits: CsvLimits
) -> bool:
    """Whether every row was imported; False when the import was cancelled meanwhile (looked
    for before each chunk)."""
    assert job.file_key is not None and job.id is not None, "a stored job with its file"
    clock = ProgressClock(job.rows_done)
    chunk: list[tuple[int, dict[str, str]]] = []
    async with aclosing(csv_records(storage.read(job.file_key), job.encoding, limits)) as records:
        columns = [cell.strip() for cell in await anext(records)]
        number = 0
        async for cells in records:
            number += 1
            if number > job.rows_done:
                chunk.append((number, dict(zip(columns, cells, strict=False))))
            if len(chunk) == CHUNK_ROWS:
                if await repository.is_cancelled(job.id):
                    return False
                await committed(import_chunk(job, importer, chunk, clock))
                chunk = []
    if chunk:
        if await repository.is_cancelled(job.id):
            return False
        await committed(import_chunk(job, importer, chunk, clock))
    return True


async def committed(work: Awaitable[T]) -> T:
    """The work finished even when the task is cancelled meanwhile (a stopping worker hands
    it back): a chunk is never left written without its progress, which would import it twice
    on resuming. A chunk takes well under a second."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise


async def import_chunk(
    job: CsvJob,
    importer: "RowImporter",
    chunk: Sequence[tuple[int, dict[str, str]]],
    clock: "ProgressClock",
) -> None:
    """The chunk's rows written, counted into the job, and the job saved with them."""
    for errors in await importer.import_chunk(chunk):
        job.rows_done += 1
        if errors:
            job.rows_failed += 1
            job.error_count += len(errors)
            job.errors += errors[: MAX_STORED_ERRORS - len(job.errors)]
    await save_progress(job, announce=clock.due(job.rows_done))


class ProgressClock:
    """Says when progress is pushed again: a second, or PROGRESS_EVERY_ROWS rows, after the
    last push."""

    def __init__(self, rows_done: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.rows, self.at = rows_done, clock()

    def due(self, rows_done: int) -> bool:
        now = self.clock()
        if rows_done - self.rows < PROGRESS_EVERY_ROWS and now - self.at < PROGRESS_EVERY_SECONDS:
            return False
        self.rows, self.at = rows_done, now
        return True


class RowImporter:
    """Turns a row's cells into a contact through the job's mapping, and stores it."""

    def __init__(
        self, job: CsvJob, author: Author, custom_types: dict[str, CustomFieldType]
    ) -> None:
        self.job = job
        self.author = author
        self.custom_types = custom_types
        # Each contact the import makes is a lead of the import's.
        self.touch = Touch(LeadSource.IMPORT, source_ref=str(job.id))
        # Errors name a CSV column; the first one mapped to the contact field at fault.
        self.column_of: dict[str, str] = {}
        for column, target in job.mapping.items():
            self.column_of.setdefault(target, column)

    @classmethod
    async def for_job(cls, job: CsvJob, author: Author) -> "RowImporter":
        fields = (await CustomFieldRepository(job.account_id).keyed()).values()
        return cls(job, author, {field.key: field.type for field in fields})

    async def import_chunk(
        self, chunk: Sequence[tuple[int, Mapping[str, str]]]
    ) -> list[list[RowError]]:
        """Each row's errors, in order; none for a row that is now a contact."""
        errors: list[list[RowError]] = []
        writes: list[dict[str, Any]] = []
        written_at: list[int] = []  # the index in `errors` of each write
        for number, cells in chunk:
            data, cell_errors = self.contact_data(cells)
            errors.append([RowError(row=number, field=c, message=m) for c, m in cell_errors])
            if not cell_errors:
                written_at.append(len(errors) - 1)
                writes.append(data)
        outcomes = await write_contacts(
            self.author, writes, update_existing=self.job.update_existing, touch=self.touch
        )
        for at, outcome in zip(written_at, outcomes, strict=True):
            errors[at] = self.row_errors(chunk[at][0], outcome)
        return errors

    def row_errors(self, number: int, outcome: Outcome) -> list[RowError]:
        if not isinstance(outcome, DomainError):
            return []
        details = [detail for detail in outcome.details if "field" in detail]
        return [
            RowError(
                row=number,
                field=self.column(detail["field"].split(".")),
                message=detail.get("message") or outcome.message,
            )
            for detail in details
        ] or [RowError(row=number, field="", message=outcome.message)]

    def contact_data(self, cells: Mapping[str, str]) -> tuple[dict[str, Any], list]:
        """The contact's fields, and the (column, message) of cells that are not even that."""
        data: dict[str, Any] = {"owner_id": str(self.job.created_by)}
        custom: dict[str, Any] = {}
        errors = []
        for column, target in self.job.mapping.items():
            cell = (cells.get(column) or "").strip()
            if not cell:
                continue
            if target.startswith(CUSTOM):
                key = target.removeprefix(CUSTOM)
                try:
                    custom[key] = custom_value(self.custom_types.get(key), cell)
                except ValueError as error:
                    errors.append((column, str(error)))
            elif target in LIST_TARGETS:
                data.setdefault(target, []).extend(
                    value.strip() for value in SEPARATORS.split(cell) if value.strip()
                )
            elif target.startswith("address."):
                data.setdefault("address", {})[target.removeprefix("address.")] = cell
            else:
                data[target] = cell
        if custom:
            data["custom"] = custom
        return data, errors

    def column(self, location: list[str]) -> str:
        """The column behind an error's plain path (`emails.0`, `custom.plan`, ...), or the
        contact field itself when no column is mapped to it."""
        if location[0] in ("custom", "address") and len(location) > 1:
            target = f"{location[0]}.{location[1]}"
        else:
            target = location[0]
        return self.column_of.get(target, target)


def custom_value(field_type: CustomFieldType | None, cell: str) -> Any:
    """A cell as the custom field's type holds it (numbers and lists are not text in a CSV);
    the write path then checks it like any other value."""
    if field_type is CustomFieldType.NUMBER:
        try:
            number = float(cell)
        except ValueError:
            raise ValueError(f"{cell!r} is not a number") from None
        return int(number) if number.is_integer() else number
    if field_type is CustomFieldType.MULTI_SELECT:
        return [value.strip() for value in SEPARATORS.split(cell) if value.strip()]
    return cell
