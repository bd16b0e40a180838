"""CSV import and export jobs: what was asked, how far the work is, what went wrong per row.

A job is queued by a request and done in the background; its document is where the progress
is read from. An import's `idempotency_key` is the checksum of its file and its column mapping,
unique per account, so the same file sent again finds the job already made for it (even when
two copies race). Exports are never deduplicated: theirs is random.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CsvJobKind(StrEnum):
    IMPORT = "import"
    EXPORT = "export"


class CsvJobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"  # an import its creator stopped: the rows done so far stay


class RowError(BaseModel):
    row: int  # the data row, from 1 (the header is not counted)
    field: str  # the CSV column, or "" when the row as a whole failed (a duplicate)
    message: str


class CsvJob(TenantDocument):
    kind: CsvJobKind
    status: CsvJobStatus = CsvJobStatus.QUEUED
    created_by: PydanticObjectId
    created_by_role: str  # what the creator may see is decided by it, as in a request
    idempotency_key: str
    file_key: str | None = None  # in the file storage; None once deleted
    checksum: str | None = None  # SHA-256 of an import's file
    encoding: str = "utf-8-sig"  # an import's file's, found when it was uploaded
    filename: str | None = None  # as uploaded, or as offered for download
    mapping: dict[str, str] = {}  # import: CSV column -> contact field or custom.<key>
    update_existing: bool = False  # import: a row matching a contact by email or phone updates it
    filters: dict[str, Any] = {}  # export: the contact list's search, as sent
    query: str | None = None  # export: that search as a MongoDB query (extended JSON)
    columns: list[str] = []  # export: contact fields, in order
    total_rows: int | None = None  # known once the file has been read through
    rows_done: int = 0  # rows handled, imported or refused
    rows_failed: int = 0
    errors: list[RowError] = []  # the first ones only, so the document stays small
    error_count: int = 0  # every error, stored or not
    failure: str | None = None  # why a failed job stopped
    finished_at: datetime | None = None
    expires_at: datetime | None = None  # export: the file is deleted then
    downloaded_at: datetime | None = None  # export: downloaded once, never again

    class Settings:
        name = "csv_queue"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("kind", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("idempotency_key", ASCENDING)], unique=True),
            # The cleanup's sweep: exports whose time is up.
            IndexModel([("kind", ASCENDING), ("expires_at", ASCENDING)]),
        ]
