"""Pulling a GA4 report and normalising its rows."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_analytics.client import AnalyticsData
from external_api.integrations.google_analytics.schemas import GaReportCreate
from external_api.integrations.reports.service import Pulled
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
    integrations: Integrations, http: ConnectedHttp, report: GaReportCreate
) -> Pulled:
    rows: list[ReportRow] = []
    async for page in AnalyticsData(http).run_report(report):
        rows += normalised_rows(page)
    return Pulled(
        source_id=report.property_id,
        period=report,
        dimensions=report.dimensions,
        metrics=report.metrics,
        rows=rows,
        request=report.model_dump(mode="json"),
    )
