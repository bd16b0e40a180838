from datetime import datetime
from typing import Annotated

from pydantic import Field, computed_field

from internal_api.crm.contacts.schemas import ContactSearch
from shared.models.csv_queue import CsvJobStatus
from shared.utilities.schemas import DocumentRead, WriteModel

DEFAULT_COLUMNS = ["first_name", "last_name", "name", "emails", "phones", "company_name", "tags"]


class ExportCreate(WriteModel):
    filters: ContactSearch = ContactSearch()
    columns: Annotated[list[str], Field(min_length=1, max_length=100)] = Field(
        DEFAULT_COLUMNS,
        description="contact fields (`emails`, `address.city`, `created_at`, ...) or "
        "`custom.<key>`, in the order of the file's columns",
    )


class ExportRead(DocumentRead):
    status: CsvJobStatus
    filters: ContactSearch
    columns: list[str]
    rows_done: int
    failure: str | None
    finished_at: datetime | None
    expires_at: datetime | None
    downloaded_at: datetime | None = Field(exclude=True)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented use on a property
    @property
    def downloaded(self) -> bool:
        return self.downloaded_at is not None
