"""A report's date range on a given day, and the period it is compared with."""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from shared.models.client_report import ClientReport, Comparison, DateRangeKind


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=offset) for offset in range(self.days)]

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def period_of(report: ClientReport, today: date) -> Period:
    """The range as of `today` (the report's local day): complete days only, never today."""
    yesterday = today - timedelta(days=1)
    match report.date_range:
        case DateRangeKind.LAST_7_DAYS:
            return Period(today - timedelta(days=7), yesterday)
        case DateRangeKind.LAST_30_DAYS:
            return Period(today - timedelta(days=30), yesterday)
        case DateRangeKind.LAST_WEEK:
            monday = today - timedelta(days=today.weekday() + 7)
            return Period(monday, monday + timedelta(days=6))
        case DateRangeKind.LAST_MONTH:
            first = today.replace(day=1) - relativedelta(months=1)
            return Period(first, today.replace(day=1) - timedelta(days=1))
    assert report.start_date and report.end_date, "a custom range has its dates"
    return Period(report.start_date, report.end_date)


def compared_with(period: Period, comparison: Comparison) -> Period | None:
    match comparison:
        case Comparison.PREVIOUS_PERIOD:
            end = period.start - timedelta(days=1)
            return Period(end - timedelta(days=period.days - 1), end)
        case Comparison.PREVIOUS_YEAR:
            return Period(
                period.start - relativedelta(years=1), period.end - relativedelta(years=1)
            )
    return None
