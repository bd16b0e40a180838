"""Client reports and the analytics rows they read, stored as the write paths leave them."""

from datetime import date, timedelta

from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics
from shared.models.account import Account
from shared.models.client_report import (
    ClientReport,
    MetricRef,
    ReportSchedule,
    Widget,
    WidgetKind,
)

CLICKS = MetricRef(source="google-ads", metric="clicks", label="Clicks")
COST = MetricRef(source="google-ads", metric="cost", label="Cost")

WIDGETS = [
    Widget(kind=WidgetKind.KPI, title="Paid search", metrics=[CLICKS, COST]),
    Widget(kind=WidgetKind.TIME_SERIES, title="Clicks by day", metrics=[CLICKS]),
    Widget(kind=WidgetKind.TOP_N, title="Top campaigns", metrics=[CLICKS], entity_type="campaign"),
    Widget(kind=WidgetKind.CALLS_BY_SOURCE, title="Calls"),
    Widget(kind=WidgetKind.REVIEWS_SUMMARY, title="Reviews"),
]


async def create_report(account: Account, **overrides) -> ClientReport:
    fields = {
        "account_id": account.id,
        "name": "Monthly results",
        "widgets": WIDGETS,
        "date_range": "custom",
        "start_date": date(2026, 3, 1),
        "end_date": date(2026, 3, 7),
        "share_nonce": "nonce-1",
    }
    return await ClientReport(**{**fields, **overrides}).insert()


def weekly(**overrides) -> ReportSchedule:
    fields = {"frequency": "weekly", "weekday": 6, "hour": 1, "time_zone": "America/New_York"}
    return ReportSchedule(**{**fields, "recipients": ["client@bakery.example"], **overrides})


async def store_ads_week(account: Account, start: date, clicks: list[int], cost: int) -> None:
    """A campaign's clicks by day from `start`, and its cost (cents, USD) on the first day."""
    rows = [
        DailyMetric("campaign", "111", "clicks", start + timedelta(days=i), n, "Spring sale")
        for i, n in enumerate(clicks)
    ]
    rows.append(DailyMetric("campaign", "111", "cost", start, cost, "Spring sale", "USD"))
    await upsert_daily_metrics(account.id, "google-ads", rows)
