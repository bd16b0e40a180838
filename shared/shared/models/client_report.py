"""A client report an account defines: sections from a set of widgets over the analytics
store (and the CRM's calls and reviews), a date range with a comparison, the account's
branding, and optionally a schedule mailing it as a PDF to chosen recipients."""

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class WidgetKind(StrEnum):
    KPI = "kpi"  # one figure, with its change against the comparison period
    TIME_SERIES = "time_series"  # a metric by day, a line chart
    TABLE = "table"  # entities by rows, metrics by columns
    TOP_N = "top_n"  # the entities with most of a metric, a bar chart
    FUNNEL = "funnel"  # a figure per step (impressions, clicks, calls, ...)
    CALLS_BY_SOURCE = "calls_by_source"  # CallRail's calls by their source, a pie chart
    REVIEWS_SUMMARY = "reviews_summary"  # the reviews received: how many, average rating


class MetricRef(BaseModel):
    """A metric of a source of the analytics store: ("google-ads", "clicks")."""

    source: str
    metric: str
    label: str = ""


class Widget(BaseModel):
    kind: WidgetKind
    title: str
    # KPI, time series, top-N: one metric; table: its columns; funnel: its steps in order.
    metrics: list[MetricRef] = []
    entity_type: str | None = None  # table and top-N: campaign, keyword, page, ...
    limit: int = 10  # table and top-N rows


class DateRangeKind(StrEnum):
    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"
    LAST_WEEK = "last_week"  # Monday to Sunday before this week
    LAST_MONTH = "last_month"  # the calendar month before this one
    CUSTOM = "custom"


class Comparison(StrEnum):
    NONE = "none"
    PREVIOUS_PERIOD = "previous_period"  # as many days just before
    PREVIOUS_YEAR = "previous_year"  # the same days a year before


class ReportBranding(BaseModel):
    """What the report shows of the agency: printed offline, so a logo is a data: URL."""

    title: str = ""
    logo_data_url: str = ""
    primary_color: str = "#1f6feb"
    footer: str = ""


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class ReportSchedule(BaseModel):
    frequency: Frequency
    weekday: int = 0  # weekly: 0 Monday .. 6 Sunday
    day_of_month: int = 1  # monthly: 1 .. 28, so every month has it
    hour: int = 8  # local wall-clock hour it goes out
    time_zone: str = "UTC"  # IANA
    recipients: list[str] = []
    # The next time it is due, in UTC; moved on by whoever claims the run, so it runs once.
    next_run_at: datetime | None = None
    last_run_at: datetime | None = None


class ClientReport(TenantDocument):
    name: str
    widgets: list[Widget] = []
    date_range: DateRangeKind = DateRangeKind.LAST_30_DAYS
    start_date: date | None = None  # custom ranges only
    end_date: date | None = None
    comparison: Comparison = Comparison.PREVIOUS_PERIOD
    branding: ReportBranding = Field(default_factory=ReportBranding)
    schedule: ReportSchedule | None = None
    # Part of every share link's signature: a new one voids the links given so far.
    share_nonce: str = ""

    class Settings:
        name = "client_reports"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("updated_at", DESCENDING)]),
            # The schedules' cron: what is due.
            IndexModel([("schedule.next_run_at", ASCENDING)], sparse=True),
        ]
