"""Contact imports from CSV: a job queued for an uploaded file and a column mapping, run by the
queue manager's `contacts.import_csv` task (`shared.domain.csv_jobs.importing`).

The file's encoding and header are checked here, so a file that cannot be read or a mapping
naming no column of it is refused at once. The same file sent again with the same mapping
finds its job: a job that is queued, running or done is answered as it is, and a failed one is
queued again and resumes after its last row.
"""

import hashlib
import json
from collections.abc import Mapping
from contextlib import aclosing

from pymongo.errors import DuplicateKeyError

from internal_api.crm.imports.upload import Upload
from shared.domain.contacts.repository import CustomFieldRepository
from shared.domain.csv_jobs import repository
from shared.domain.csv_jobs.importing import CONTACT_TARGETS, CUSTOM
from shared.domain.csv_jobs.reading import CsvLimits, csv_records, file_encoding
from shared.domain.csv_jobs.repository import CsvJobs
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict, InvalidInput
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.storage import FileStorage
from shared.utilities.task_names import CONTACTS_IMPORT_CSV


def imports(principal: Principal) -> CsvJobs:
    return CsvJobs.seen_by(principal, CsvJobKind.IMPORT)


async def get_import(principal: Principal, job_id: str) -> CsvJob:
    return await imports(principal).get(job_id)


class ImportEnded(Conflict):
    """The import is done, failed or cancelled already: there is nothing left to cancel."""

    code = "import_ended"


async def cancel_import(principal: Principal, job_id: str) -> CsvJob:
    """The import, cancelled: no row after the chunk being written is imported; the rows
    imported so far stay. The worker deletes its file."""
    job = await get_import(principal, job_id)
    cancelled = await repository.cancel(job)
    if cancelled is None:
        raise ImportEnded(f"Contact import {job_id} has ended ({job.status.value}).")
    return cancelled


async def list_imports(principal: Principal, paging: PageParams) -> Page[CsvJob]:
    """The caller's imports, or the account's for its owner and admins."""
    return await imports(principal).paginate(paging)


async def queue_import(
    principal: Principal, upload: Upload, storage: FileStorage, limits: CsvLimits
) -> CsvJob:
    """The job for this file and its mapping: a new one, or the one made when it was sent
    before, its task enqueued when it has work to do. The upload is deleted when it is not
    needed (a bad file or mapping, a job that has its file)."""
    try:
        mapping = parsed_mapping(upload.fields.get("mapping"))
        update_existing = parsed_flag(upload.fields.get("update_existing"), "update_existing")
        encoding = await file_encoding(storage.read(upload.file_key))
        columns = await header(storage, upload.file_key, encoding, limits)
        await check_mapping(principal.account_id, mapping, columns)
    except InvalidInput:
        await storage.delete(upload.file_key)
        raise
    job = await stored_job(principal, upload, mapping, update_existing, encoding, storage)
    if job.status is CsvJobStatus.QUEUED:
        enqueue_job(CONTACTS_IMPORT_CSV, job_id=str(job.id))
    return job


async def stored_job(
    principal: Principal,
    upload: Upload,
    mapping: dict[str, str],
    update_existing: bool,
    encoding: str,
    storage: FileStorage,
) -> CsvJob:
    key = idempotency_key(upload.checksum, mapping, update_existing)
    repository = CsvJobs(principal.account_id, CsvJobKind.IMPORT)
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
            update_existing=update_existing,
        )
    except DuplicateKeyError:
        job = await repository.by_idempotency_key(key)
    assert job is not None, "the job whose key clashed"
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


def parsed_mapping(text: str | None) -> dict[str, str]:
    try:
        mapping = json.loads(text or "")
    except json.JSONDecodeError:
        mapping = None
    if not isinstance(mapping, dict) or not all(
        isinstance(value, str) for value in mapping.values()
    ):
        raise InvalidInput(
            "The mapping must be a JSON object of CSV column to contact field.",
            details=[{"field": "mapping", "message": "expected a JSON object of strings"}],
        )
    return mapping


FLAGS = {"true": True, "false": False, "": False}


def parsed_flag(text: str | None, name: str) -> bool:
    try:
        return FLAGS[(text or "").strip().lower()]
    except KeyError:
        raise InvalidInput(
            f"{name} is true or false.", details=[{"field": name, "message": "true or false"}]
        ) from None


def idempotency_key(checksum: str, mapping: Mapping[str, str], update_existing: bool) -> str:
    canonical = json.dumps(mapping, sort_keys=True, separators=(",", ":"))
    mode = "update" if update_existing else "create"
    return hashlib.sha256(f"{checksum}:{canonical}:{mode}".encode()).hexdigest()


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
