"""Storing a normalised report, and reading an account's reports back."""

from typing import Any

from external_api.integrations.reports.schemas import (
    AnalyticsReportRead,
    DateRange,
    ReportSummary,
)
from shared.models.analytics_report import AnalyticsReport, ReportRow
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


def totals_of(rows: list[ReportRow], metrics: list[str]) -> dict[str, float]:
    return {metric: sum(row.metrics.get(metric, 0.0) for row in rows) for metric in metrics}


async def store_report(
    account_id: str,
    provider: str,
    source_id: str,
    period: DateRange,
    dimensions: list[str],
    metrics: list[str],
    rows: list[ReportRow],
    request: dict[str, Any],
) -> AnalyticsReportRead:
    report = await TenantRepository(AnalyticsReport, account_id).create(
        provider=provider,
        source_id=source_id,
        start_date=period.start_date,
        end_date=period.end_date,
        dimensions=dimensions,
        metrics=metrics,
        rows=rows,
        totals=totals_of(rows, metrics),
        request=request,
    )
    return report_read(report)


async def list_reports(account_id: str, provider: str, params: PageParams) -> Page[ReportSummary]:
    page = await TenantRepository(AnalyticsReport, account_id).paginate(
        params, {"provider": provider}
    )
    summaries = [
        ReportSummary(
            **report.model_dump(include=set(ReportSummary.model_fields) - {"id"}),
            id=str(report.id),
            row_count=len(report.rows),
        )
        for report in page.data
    ]
    return Page[ReportSummary](data=summaries, pagination=page.pagination)


async def get_report(account_id: str, provider: str, report_id: str) -> AnalyticsReportRead:
    report = await TenantRepository(AnalyticsReport, account_id).get(report_id)
    if report.provider != provider:  # another provider's report is not under this path
        raise NotFound(f"AnalyticsReport {report_id} does not exist.")
    return report_read(report)


def report_read(report: AnalyticsReport) -> AnalyticsReportRead:
    return AnalyticsReportRead(
        **report.model_dump(include=set(AnalyticsReportRead.model_fields) - {"id"}),
        id=str(report.id),
    )
