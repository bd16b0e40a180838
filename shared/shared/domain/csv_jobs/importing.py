"""Running a contact import: the rows of its file, after those already done, each turned into
a contact through the job's column mapping and written by the contact write path.

A row is checked whole and written as one contact, so it becomes a contact or leaves nothing,
its errors recorded by row and column. The job's progress is committed as it goes: a run cut
short (a worker stopping hands its task back; a crash) resumes after the last row committed.
"""

import logging
import re
from collections.abc import Mapping
from contextlib import aclosing
from typing import Any

from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.contacts.writing import Author, create_contact, platform_author
from shared.domain.csv_jobs import repository
from shared.domain.csv_jobs.progress import save_progress
from shared.domain.csv_jobs.reading import CsvLimits, UnreadableCsv, csv_records
from shared.domain.csv_jobs.settings import CsvJobSettings
from shared.models.base import utc_now
from shared.models.csv_queue import CsvJob, CsvJobStatus, RowError
from shared.models.custom_field import CustomFieldType
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

PROGRESS_EVERY_ROWS = 100
MAX_STORED_ERRORS = 1000  # the job document stays small; `rows_failed` counts them all


async def run_import(job_id: str, storage: FileStorage, settings: CsvJobSettings) -> None:
    """Counts the rows, then imports each after the rows already done. A file it cannot read
    stops it with the reason, naming the line; any other failure says where to resume."""
    job = await repository.start(job_id)
    if job is None or job.file_key is None:
        return
    try:
        job.total_rows = await count_rows(storage, job, settings.csv_limits)
        await save_progress(job)
        importer = await RowImporter.for_job(job, await platform_author(job.account_id, settings))
        await import_rows(storage, job, importer, settings.csv_limits)
        job.status, job.finished_at = CsvJobStatus.DONE, utc_now()
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


async def count_rows(storage: FileStorage, job: CsvJob, limits: CsvLimits) -> int:
    assert job.file_key is not None, "a job with its file"
    count = 0
    async for _ in csv_records(storage.read(job.file_key), job.encoding, limits):
        count += 1
    return max(count - 1, 0)  # the header is not a row


async def import_rows(
    storage: FileStorage, job: CsvJob, importer: "RowImporter", limits: CsvLimits
) -> None:
    assert job.file_key is not None, "a job with its file"
    async with aclosing(csv_records(storage.read(job.file_key), job.encoding, limits)) as records:
        columns = [cell.strip() for cell in await anext(records)]
        number = 0
        async for cells in records:
            number += 1
            if number > job.rows_done:
                await import_row(job, importer, number, dict(zip(columns, cells, strict=False)))


async def import_row(job: CsvJob, importer: "RowImporter", number: int, cells: dict) -> None:
    errors = await importer.import_row(number, cells)
    job.rows_done += 1
    if errors:
        job.rows_failed += 1
        job.errors += errors[: MAX_STORED_ERRORS - len(job.errors)]
    if job.rows_done % PROGRESS_EVERY_ROWS == 0:
        await save_progress(job)


class RowImporter:
    """Turns a row's cells into a contact through the job's mapping, and stores it."""

    def __init__(
        self, job: CsvJob, author: Author, custom_types: dict[str, CustomFieldType]
    ) -> None:
        self.job = job
        self.author = author
        self.custom_types = custom_types
        # Errors name a CSV column; the first one mapped to the contact field at fault.
        self.column_of: dict[str, str] = {}
        for column, target in job.mapping.items():
            self.column_of.setdefault(target, column)

    @classmethod
    async def for_job(cls, job: CsvJob, author: Author) -> "RowImporter":
        fields = (await CustomFieldRepository(job.account_id).keyed()).values()
        return cls(job, author, {field.key: field.type for field in fields})

    async def import_row(self, number: int, cells: Mapping[str, str]) -> list[RowError]:
        """The row's errors; none when it is now a contact."""
        data, errors = self.contact_data(cells)
        if errors:
            return [
                RowError(row=number, field=column, message=message) for column, message in errors
            ]
        try:
            await create_contact(self.author, data)
        except DomainError as error:  # invalid (a phone, a custom value), or a duplicate
            details = [detail for detail in error.details if "field" in detail]
            return [
                RowError(
                    row=number,
                    field=self.column(detail["field"].split(".")),
                    message=detail.get("message") or error.message,
                )
                for detail in details
            ] or [RowError(row=number, field="", message=error.message)]
        return []

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
