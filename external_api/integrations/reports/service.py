"""Storing a normalised report, and reading an account's reports back."""

from dataclasses import dataclass
from typing import Any

from external_api.integrations.reports.daily import SOURCES, daily_metrics
from external_api.integrations.reports.repository import ReportRepository
from external_api.integrations.reports.schemas import DateRange
from shared.domain.accounts.locale import locale_of
from shared.domain.analytics.metrics import upsert_daily_metrics
from shared.domain.analytics.repository import account_of
from shared.models.analytics_report import AnalyticsReport, ReportRow
from shared.utilities.pagination import Page, PageParams
from shared.utilities.settings import ServiceSettings


@dataclass(frozen=True)
class Pulled:
    """A report as a provider answered it, normalised."""

    source_id: str  # what it is about at the provider: a property, a customer, an ad account
    period: DateRange
    dimensions: list[str]
    metrics: list[str]
    rows: list[ReportRow]
    request: dict[str, Any]  # what was asked, for re-running it


def totals_of(rows: list[ReportRow], metrics: list[str]) -> dict[str, float]:
    return {metric: sum(row.metrics.get(metric, 0.0) for row in rows) for metric in metrics}


async def store_report(
    account_id: str, provider: str, pulled: Pulled, settings: ServiceSettings
) -> AnalyticsReport:
    """The report as pulled, and its rows by day in the analytics store (a re-pull of the
    same days overwrites them there)."""
    if provider in SOURCES:
        # Ad accounts bill in the business's currency: the account's (or the platform's).
        currency = locale_of(await account_of(account_id), settings).currency
        metrics = daily_metrics(provider, pulled, currency)
        await upsert_daily_metrics(account_id, SOURCES[provider], metrics)
    return await ReportRepository(account_id, provider).create(
        source_id=pulled.source_id,
        start_date=pulled.period.start_date,
        end_date=pulled.period.end_date,
        dimensions=pulled.dimensions,
        metrics=pulled.metrics,
        rows=pulled.rows,
        totals=totals_of(pulled.rows, pulled.metrics),
        request=pulled.request,
    )


async def list_reports(account_id: str, provider: str, params: PageParams) -> Page[AnalyticsReport]:
    return await ReportRepository(account_id, provider).paginate(params)


async def get_report(account_id: str, provider: str, report_id: str) -> AnalyticsReport:
    return await ReportRepository(account_id, provider).get(report_id)
