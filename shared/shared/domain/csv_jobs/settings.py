"""The settings of CSV imports and exports, read alike by the internal API (which stores the
uploads and answers the jobs) and the queue manager (whose tasks read and write the files)."""

from pydantic import PositiveInt

from shared.domain.csv_jobs.reading import CsvLimits
from shared.utilities.settings import common
from shared.utilities.storage_settings import StorageSettings


class CsvJobSettings(StorageSettings):
    import_max_record_chars: PositiveInt = common(
        "IMPORT_MAX_RECORD_CHARS", 1024 * 1024, "longest record (one CSV row) an import reads"
    )
    import_max_rows: PositiveInt = common(
        "IMPORT_MAX_ROWS", 100_000, "most rows a CSV file of a contact import may have"
    )
    export_retention_seconds: PositiveInt = common(
        "EXPORT_RETENTION_SECONDS",
        24 * 3600,
        "an export is deleted this long after it is ready, unless downloaded before",
    )

    @property
    def csv_limits(self) -> CsvLimits:
        return CsvLimits(self.import_max_record_chars, self.import_max_rows)
