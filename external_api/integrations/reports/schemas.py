from datetime import date
from typing import Self

from pydantic import Field, model_validator

from shared.models.analytics_report import ReportRow
from shared.utilities.schemas import DocumentRead, WriteModel

MAX_REPORT_DAYS = 731


class DateRange(WriteModel):
    """The period of a report asked for; each provider's request body adds its own fields."""

    start_date: date
    end_date: date

    @model_validator(mode="after")
    def ordered_and_bounded(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        if (self.end_date - self.start_date).days > MAX_REPORT_DAYS:
            raise ValueError(f"a report spans {MAX_REPORT_DAYS} days at most")
        return self


class ReportSummary(DocumentRead):
    """A report in a list: what it covers, without its rows."""

    provider: str
    source_id: str
    start_date: date
    end_date: date
    dimensions: list[str]
    metrics: list[str]
    row_count: int = Field(ge=0)


class AnalyticsReportRead(ReportSummary):
    rows: list[ReportRow]
    totals: dict[str, float]
