from datetime import date, datetime
from typing import Self

from pydantic import EmailStr, Field, model_validator

from internal_api.fields import TimeZone
from shared.models.client_report import (
    Comparison,
    DateRangeKind,
    Frequency,
    ReportBranding,
    ReportSchedule,
    Widget,
    WidgetKind,
)
from shared.utilities.schemas import DocumentRead, ReadModel, WriteModel

NAME = r"^[a-z][a-z0-9_:-]{0,63}$"
MAX_RANGE_DAYS = 731
# What each widget kind reads: (fewest metrics, most).
METRIC_COUNTS = {
    WidgetKind.KPI: (1, 6),
    WidgetKind.TIME_SERIES: (1, 4),
    WidgetKind.TABLE: (1, 6),
    WidgetKind.TOP_N: (1, 1),
    WidgetKind.FUNNEL: (2, 6),
    WidgetKind.CALLS_BY_SOURCE: (0, 0),
    WidgetKind.REVIEWS_SUMMARY: (0, 0),
}


class MetricRefWrite(WriteModel):
    source: str = Field(pattern=NAME, description="an analytics source: google-ads, semrush, ...")
    metric: str = Field(pattern=NAME, description="its metric as stored: clicks, cost, sessions")
    label: str = Field("", max_length=80)


class WidgetWrite(WriteModel):
    kind: WidgetKind
    title: str = Field(min_length=1, max_length=120)
    metrics: list[MetricRefWrite] = Field([], max_length=6)
    entity_type: str | None = Field(None, pattern=NAME, description="table and top-N rows")
    limit: int = Field(10, ge=1, le=50)

    @model_validator(mode="after")
    def metrics_fit_the_kind(self) -> Self:
        fewest, most = METRIC_COUNTS[self.kind]
        if not fewest <= len(self.metrics) <= most:
            raise ValueError(f"a {self.kind.value} widget reads {fewest} to {most} metrics")
        return self


class BrandingWrite(WriteModel):
    title: str = Field("", max_length=120)
    logo_data_url: str = Field(
        "",
        max_length=400_000,
        pattern=r"^(data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+)?$",
        description="a PNG or JPEG as a data: URL (the PDF is printed offline)",
    )
    primary_color: str = Field("#1f6feb", pattern=r"^#[0-9a-fA-F]{6}$")
    footer: str = Field("", max_length=300)


class ScheduleWrite(WriteModel):
    frequency: Frequency
    weekday: int = Field(0, ge=0, le=6, description="weekly: 0 Monday to 6 Sunday")
    day_of_month: int = Field(1, ge=1, le=28, description="monthly: 1 to 28")
    hour: int = Field(8, ge=0, le=23, description="local hour it goes out")
    time_zone: TimeZone = "UTC"
    recipients: list[EmailStr] = Field(min_length=1, max_length=20)


def range_problem(kind: DateRangeKind, start: date | None, end: date | None) -> str | None:
    if kind is DateRangeKind.CUSTOM and not (start and end):
        return "a custom range gives start_date and end_date"
    if start and end and end < start:
        return "end_date is before start_date"
    if start and end and (end - start).days > MAX_RANGE_DAYS:
        return f"a range spans {MAX_RANGE_DAYS} days at most"
    return None


class ClientReportCreate(WriteModel):
    name: str = Field(min_length=1, max_length=120)
    widgets: list[WidgetWrite] = Field([], max_length=100)
    date_range: DateRangeKind = DateRangeKind.LAST_30_DAYS
    start_date: date | None = None
    end_date: date | None = None
    comparison: Comparison = Comparison.PREVIOUS_PERIOD
    branding: BrandingWrite = Field(default_factory=BrandingWrite)
    schedule: ScheduleWrite | None = None

    @model_validator(mode="after")
    def range_is_whole(self) -> Self:
        problem = range_problem(self.date_range, self.start_date, self.end_date)
        if problem:
            raise ValueError(problem)
        return self


class ClientReportUpdate(WriteModel):
    """Only the fields sent change (the report as changed is checked whole); `schedule: null`
    stops the schedule."""

    name: str | None = Field(None, min_length=1, max_length=120)
    widgets: list[WidgetWrite] | None = Field(None, max_length=100)
    date_range: DateRangeKind | None = None
    start_date: date | None = None
    end_date: date | None = None
    comparison: Comparison | None = None
    branding: BrandingWrite | None = None
    schedule: ScheduleWrite | None = None


class ClientReportRead(DocumentRead):
    name: str
    widgets: list[Widget]
    date_range: DateRangeKind
    start_date: date | None
    end_date: date | None
    comparison: Comparison
    branding: ReportBranding
    schedule: ReportSchedule | None


class ShareCreate(WriteModel):
    days: int | None = Field(None, ge=1, le=365, description="REPORTS_SHARE_DAYS unless given")


class ShareRead(ReadModel):
    path: str  # on the account's domain: the report as a page, `/pdf` after it as a PDF
    expires_at: datetime
