from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from internal_api.crm.contacts.schemas import ContactSearch
from shared.models.csv_queue import CsvJob, CsvJobStatus

DEFAULT_COLUMNS = ["first_name", "last_name", "name", "emails", "phones", "company_name", "tags"]


class ExportCreate(BaseModel):
    filters: ContactSearch = ContactSearch()
    columns: Annotated[list[str], Field(min_length=1, max_length=100)] = Field(
        DEFAULT_COLUMNS,
        description="contact fields (`emails`, `address.city`, `created_at`, ...) or "
        "`custom.<key>`, in the order of the file's columns",
    )


class ExportRead(BaseModel):
    id: str
    status: CsvJobStatus
    filters: ContactSearch
    columns: list[str]
    rows_done: int
    failure: str | None
    created_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None
    downloaded: bool

    @classmethod
    def of(cls, job: CsvJob) -> "ExportRead":
        return cls(
            **job.model_dump(
                include={"status", "columns", "rows_done", "failure", "created_at"}
                | {"finished_at", "expires_at"}
            ),
            id=str(job.id),
            filters=ContactSearch.model_validate(job.filters),
            downloaded=job.downloaded_at is not None,
        )
