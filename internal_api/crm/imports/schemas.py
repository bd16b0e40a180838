from datetime import datetime

from pydantic import computed_field

from shared.models.csv_queue import CsvJobStatus, RowError
from shared.utilities.schemas import DocumentRead


class ImportRead(DocumentRead):
    status: CsvJobStatus
    filename: str | None
    mapping: dict[str, str]
    update_existing: bool
    total_rows: int | None
    rows_done: int
    rows_failed: int
    errors: list[RowError]
    error_count: int  # every error; `errors` holds the first ones
    failure: str | None
    finished_at: datetime | None

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented use on a property
    @property
    def rows_imported(self) -> int:
        return self.rows_done - self.rows_failed

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented use on a property
    @property
    def errors_truncated(self) -> bool:
        """Some errors are counted but not listed."""
        return self.error_count > len(self.errors)
