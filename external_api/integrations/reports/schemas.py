from datetime import date, datetime
from typing import Self

from pydantic import BaseModel, Field, model_validator

from shared.models.analytics_report import ReportRow

MAX_REPORT_DAYS = 731


class DateRange(BaseModel):
    start_date: date
    end_date: date

    @model_validator(mode="after")
    def ordered_and_bounded(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        if (self.end_date - self.start_date).days > MAX_REPORT_DAYS:
            raise ValueError(f"a report spans {MAX_REPORT_DAYS} days at most")
        return self


class AnalyticsReportRead(BaseModel):
    id: str
    provider: str
    source_id: str
    start_date: date
    end_date: date
    dimensions: list[str]
    metrics: list[str]
    rows: list[ReportRow]
    totals: dict[str, float]
    created_at: datetime


class ReportSummary(BaseModel):
    """A report in a list: what it covers, without its rows."""

    id: str
    provider: str
    source_id: str
    start_date: date
    end_date: date
    dimensions: list[str]
    metrics: list[str]
    row_count: int = Field(ge=0)
    created_at: datetime
