"""A Microsoft Advertising performance report: the report request built from checked choices
only, run through the Reporting service, its CSV rows normalised."""

from external_api.integrations.bing_ads.client import BingReporting, Polling
from external_api.integrations.bing_ads.schemas import BingLevel, BingReportCreate
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.reports.service import Pulled
from shared.models.analytics_report import ReportRow

PROVIDER = "bing-ads"
REPORT_TYPES = {
    BingLevel.ACCOUNT: "AccountPerformanceReportRequest",
    BingLevel.CAMPAIGN: "CampaignPerformanceReportRequest",
}
# The columns each level reports by: (report column, name in the stored rows).
LEVEL_DIMENSIONS = {
    BingLevel.ACCOUNT: [("TimePeriod", "date")],
    BingLevel.CAMPAIGN: [
        ("TimePeriod", "date"),
        ("CampaignId", "campaign_id"),
        ("CampaignName", "campaign_name"),
    ],
}
METRIC_COLUMNS = {
    "impressions": "Impressions",
    "clicks": "Clicks",
    "spend": "Spend",
    "conversions": "Conversions",
    "revenue": "Revenue",
}
# Days in UTC: the Reporting service takes one of its named zones, the account's is not mapped.
REPORT_TIME_ZONE = "GreenwichMeanTimeDublinEdinburghLisbonLondon"


def report_request(report: BingReportCreate) -> dict:
    columns = [column for column, _ in LEVEL_DIMENSIONS[report.level]]
    columns += [METRIC_COLUMNS[metric] for metric in report.metrics]
    start, end = report.start_date, report.end_date
    return {
        "Type": REPORT_TYPES[report.level],
        "ReportName": f"{report.level.value} performance {start} to {end}",
        "Format": "Csv",
        "FormatVersion": "2.0",
        "ExcludeColumnHeaders": False,
        "ExcludeReportHeader": True,
        "ExcludeReportFooter": True,
        "ReturnOnlyCompleteData": False,
        "Aggregation": "Daily",
        "Columns": columns,
        "Scope": {"AccountIds": [int(report.account_id)]},
        "Time": {
            "CustomDateRangeStart": {"Day": start.day, "Month": start.month, "Year": start.year},
            "CustomDateRangeEnd": {"Day": end.day, "Month": end.month, "Year": end.year},
            "ReportTimeZone": REPORT_TIME_ZONE,
        },
    }


def number(text: str | None) -> float:
    """A CSV figure: `1,234.50` is 1234.5; an empty cell or `--` (not applicable) is 0."""
    cleaned = (text or "").replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return 0.0


def normalised_row(row: dict[str, str], report: BingReportCreate) -> ReportRow:
    return ReportRow(
        dimensions={name: row.get(column, "") for column, name in LEVEL_DIMENSIONS[report.level]},
        metrics={metric: number(row.get(METRIC_COLUMNS[metric])) for metric in report.metrics},
    )


async def pull_report(
    integrations: Integrations, http: ConnectedHttp, report: BingReportCreate
) -> Pulled:
    bing = integrations.settings.bing_ads
    reporting = BingReporting(
        http, bing.developer_token.get_secret_value(), report.customer_id, report.account_id
    )
    polling = Polling(bing.report_poll_seconds, bing.report_poll_attempts)
    rows = await reporting.rows(report_request(report), polling)
    return Pulled(
        source_id=report.account_id,
        period=report,
        dimensions=[name for _, name in LEVEL_DIMENSIONS[report.level]],
        metrics=list(report.metrics),
        rows=[normalised_row(row, report) for row in rows],
        request=report.model_dump(mode="json"),
    )
