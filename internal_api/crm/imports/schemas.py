from datetime import datetime

from pydantic import BaseModel

from shared.models.csv_queue import CsvJob, CsvJobStatus, RowError


class ImportRead(BaseModel):
    id: str
    status: CsvJobStatus
    filename: str | None
    mapping: dict[str, str]
    update_existing: bool
    total_rows: int | None
    rows_done: int
    rows_imported: int
    rows_failed: int
    errors: list[RowError]
    error_count: int  # every error; `errors` holds the first ones
    errors_truncated: bool  # some errors are counted but not listed
    failure: str | None
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, job: CsvJob) -> "ImportRead":
        return cls(
            **job.model_dump(
                include={"status", "filename", "mapping", "update_existing", "total_rows"}
                | {"rows_done", "rows_failed", "error_count", "failure", "created_at"}
                | {"finished_at"}
            ),
            id=str(job.id),
            rows_imported=job.rows_done - job.rows_failed,
            errors=job.errors,
            errors_truncated=job.error_count > len(job.errors),
        )
