"""Contact imports from CSV: a job queued for an uploaded file and a column mapping, then
run in the background one row at a time.

Each row is validated whole and written as one contact insert by the contacts service, so a
row either becomes a contact or leaves nothing, with its errors recorded by row and column.
The same file sent again with the same mapping finds its job: a job that is queued, running or
done is answered as it is, and a failed one is queued again and resumes after its last row.
"""

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from contextlib import aclosing
from typing import Any

from pydantic import ValidationError
from pymongo.errors import DuplicateKeyError

from internal_api.crm.contacts.schemas import ContactCreate
from internal_api.crm.csv_jobs import CsvJobs, claim, save_progress
from internal_api.crm.imports.upload import Upload
from internal_api.storage import FileStorage
from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.contacts.writing import Author, create_contact
from shared.domain.csv_jobs.reading import CsvLimits, UnreadableCsv, csv_records, file_encoding
from shared.models.base import utc_now
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus, RowError
from shared.models.custom_field import CustomFieldType
from shared.utilities.auth import Principal
from shared.utilities.errors import DomainError, InvalidInput

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


def imports(account_id) -> CsvJobs:
    return CsvJobs(account_id, CsvJobKind.IMPORT)


async def get_import(principal: Principal, job_id: str) -> CsvJob:
    return await imports(principal.account_id).get(job_id)


async def queue_import(
    principal: Principal,
    upload: Upload,
    mapping: dict[str, str],
    storage: FileStorage,
    limits: CsvLimits,
) -> CsvJob:
    """The job for this file and mapping: a new one, or the one made when it was sent before.
    The upload is deleted when it is not needed (a bad mapping, a job that has its file)."""
    try:
        encoding = await file_encoding(storage.read(upload.file_key))
        columns = await header(storage, upload.file_key, encoding, limits)
        await check_mapping(principal.account_id, mapping, columns)
    except InvalidInput:
        await storage.delete(upload.file_key)
        raise
    key = idempotency_key(upload.checksum, mapping)
    repository = imports(principal.account_id)
    try:
        return await repository.create(
            kind=CsvJobKind.IMPORT,
            created_by=principal.sub,
            created_by_role=principal.role,
            idempotency_key=key,
            file_key=upload.file_key,
            checksum=upload.checksum,
            encoding=encoding,
            filename=upload.filename,
            mapping=mapping,
        )
    except DuplicateKeyError:
        [job] = await repository.list({"idempotency_key": key}, limit=1)
    if job.status is not CsvJobStatus.FAILED:
        await storage.delete(upload.file_key)
        return job
    # Resumed on the file just sent: the failed run may have lost its own.
    stale, job.file_key = job.file_key, upload.file_key
    job.status, job.failure = CsvJobStatus.QUEUED, None
    await job.save()
    if stale:
        await storage.delete(stale)
    return job


def idempotency_key(checksum: str, mapping: Mapping[str, str]) -> str:
    canonical = json.dumps(mapping, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{checksum}:{canonical}".encode()).hexdigest()


async def header(
    storage: FileStorage, file_key: str, encoding: str, limits: CsvLimits
) -> list[str]:
    async with aclosing(csv_records(storage.read(file_key), encoding, limits)) as records:
        async for cells in records:
            return [cell.strip() for cell in cells]
    return []


async def check_mapping(account_id: str, mapping: Mapping[str, str], columns: list[str]) -> None:
    """422 naming each column that is not in the file or is mapped to no contact field."""
    keys = [target.removeprefix(CUSTOM) for target in mapping.values() if target.startswith(CUSTOM)]
    found = list((await CustomFieldRepository(account_id).keyed(keys)).values()) if keys else []
    known = CONTACT_TARGETS | {f"{CUSTOM}{field.key}" for field in found}
    problems = []
    for column, target in mapping.items():
        if column not in columns:
            problems.append((column, "no such column in the file"))
        elif target not in known:
            problems.append((column, f"{target!r} is not a contact field or a custom field"))
    if not mapping:
        problems.append(("", "map at least one column"))
    if problems:
        raise InvalidInput(
            f"Bad mapping: {', '.join(column for column, _ in problems if column) or 'empty'}.",
            details=[
                {"field": f"mapping.{column}" if column else "mapping", "message": message}
                for column, message in problems
            ],
        )


async def run_import(
    job_id: str, storage: FileStorage, phone_region: str, limits: CsvLimits
) -> None:
    """The background job: counts the rows, then imports each after the rows already done.
    A file it cannot read stops it with the reason, naming the line."""
    job = await claim(job_id)
    if job is None or job.file_key is None:
        return
    try:
        job.total_rows = await count_rows(storage, job.file_key, job.encoding, limits)
        await save_progress(job)
        importer = await RowImporter.for_job(job, phone_region)
        records = csv_records(storage.read(job.file_key), job.encoding, limits)
        async with aclosing(records):
            columns = [cell.strip() for cell in await anext(records)]
            number = 0
            async for cells in records:
                number += 1
                if number > job.rows_done:
                    await import_row(job, importer, number, dict(zip(columns, cells, strict=False)))
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


async def count_rows(storage: FileStorage, file_key: str, encoding: str, limits: CsvLimits) -> int:
    count = 0
    async for _ in csv_records(storage.read(file_key), encoding, limits):
        count += 1
    return max(count - 1, 0)  # the header is not a row


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
        self, job: CsvJob, caller: Author, custom_types: dict[str, CustomFieldType]
    ) -> None:
        self.job = job
        self.caller = caller
        self.custom_types = custom_types
        # Errors name a CSV column; the first one mapped to the contact field at fault.
        self.column_of: dict[str, str] = {}
        for column, target in job.mapping.items():
            self.column_of.setdefault(target, column)

    @classmethod
    async def for_job(cls, job: CsvJob, phone_region: str) -> "RowImporter":
        fields = (await CustomFieldRepository(job.account_id).keyed()).values()
        caller = Author.platform(job.account_id, phone_region)
        return cls(job, caller, {field.key: field.type for field in fields})

    async def import_row(self, number: int, cells: Mapping[str, str]) -> list[RowError]:
        """The row's errors; none when it is now a contact."""
        data, errors = self.contact_data(cells)
        if errors:
            return [
                RowError(row=number, field=column, message=message) for column, message in errors
            ]
        try:
            fields = ContactCreate.model_validate(data).model_dump(exclude_unset=True)
            await create_contact(self.caller, fields)
        except ValidationError as error:
            return [
                RowError(row=number, field=self.column(item["loc"]), message=item["msg"])
                for item in error.errors()
            ]
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
        """What `ContactCreate` is given, and the (column, message) of cells not even that."""
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

    def column(self, location: list | tuple) -> str:
        """The column behind an error's location (`emails.0`, `body.custom.plan`, ...), or
        the contact field itself when no column is mapped to it."""
        parts = [str(part) for part in location if part != "body"]
        if parts[0] in ("custom", "address") and len(parts) > 1:
            target = f"{parts[0]}.{parts[1]}"
        else:
            target = parts[0]
        return self.column_of.get(target, target)


def custom_value(field_type: CustomFieldType | None, cell: str) -> Any:
    """A cell as the custom field's type holds it (numbers and lists are not text in a CSV);
    the custom fields service then checks it like any other value."""
    if field_type is CustomFieldType.NUMBER:
        try:
            number = float(cell)
        except ValueError:
            raise ValueError(f"{cell!r} is not a number") from None
        return int(number) if number.is_integer() else number
    if field_type is CustomFieldType.MULTI_SELECT:
        return [value.strip() for value in SEPARATORS.split(cell) if value.strip()]
    return cell
