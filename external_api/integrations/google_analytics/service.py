"""Pulling a GA4 report, normalising its rows, and storing it."""

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_analytics.client import AnalyticsData
from external_api.integrations.google_analytics.schemas import GaReportCreate
from external_api.integrations.reports.schemas import AnalyticsReportRead
from external_api.integrations.reports.service import store_report
from shared.models.analytics_report import ReportRow

PROVIDER = "google-analytics"


def dimension_value(name: str, value: str) -> str:
    """GA4 writes dates as YYYYMMDD; reports store ISO dates, as the other providers give."""
    if name == "date" and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def normalised_rows(answer: dict) -> list[ReportRow]:
    dimensions = [header["name"] for header in answer.get("dimensionHeaders", [])]
    metrics = [header["name"] for header in answer.get("metricHeaders", [])]
    return [
        ReportRow(
            dimensions={
                name: dimension_value(name, cell["value"])
                for name, cell in zip(dimensions, row.get("dimensionValues", []), strict=True)
            },
            metrics={
                name: float(cell["value"])
                for name, cell in zip(metrics, row.get("metricValues", []), strict=True)
            },
        )
        for row in answer.get("rows", [])
    ]


async def pull_report(
    http: ConnectedHttp, account_id: str, report: GaReportCreate
) -> AnalyticsReportRead:
    rows: list[ReportRow] = []
    async for page in AnalyticsData(http).run_report(report):
        rows += normalised_rows(page)
    return await store_report(
        account_id,
        PROVIDER,
        report.property_id,
        report,
        report.dimensions,
        report.metrics,
        rows,
        report.model_dump(mode="json"),
    )
