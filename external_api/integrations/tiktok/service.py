"""A TikTok performance report: the integrated report's query built from checked choices
only, every page read, the rows normalised (TikTok's figures come as strings)."""

from typing import Any

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.reports.service import Pulled
from external_api.integrations.tiktok.client import TiktokReports
from external_api.integrations.tiktok.schemas import TiktokLevel, TiktokReportCreate
from shared.models.analytics_report import ReportRow

PROVIDER = "tiktok"
DATA_LEVELS = {
    TiktokLevel.ADVERTISER: "AUCTION_ADVERTISER",
    TiktokLevel.CAMPAIGN: "AUCTION_CAMPAIGN",
}
# The report's dimensions per level; the campaign's name is one of TikTok's metrics.
DIMENSIONS = {
    TiktokLevel.ADVERTISER: ["advertiser_id", "stat_time_day"],
    TiktokLevel.CAMPAIGN: ["campaign_id", "stat_time_day"],
}
STORED_DIMENSIONS = {
    TiktokLevel.ADVERTISER: ["date"],
    TiktokLevel.CAMPAIGN: ["date", "campaign_id", "campaign_name"],
}
# Our metric names -> TikTok's.
METRICS = {
    "spend": "spend",
    "impressions": "impressions",
    "clicks": "clicks",
    "conversions": "conversion",
    "reach": "reach",
}


def asked_metrics(report: TiktokReportCreate) -> list[str]:
    metrics = [METRICS[metric] for metric in report.metrics]
    if report.level is TiktokLevel.CAMPAIGN:
        metrics.append("campaign_name")
    return metrics


def number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def normalised_row(row: dict[str, Any], report: TiktokReportCreate) -> ReportRow:
    dimensions, metrics = row.get("dimensions") or {}, row.get("metrics") or {}
    # `stat_time_day` is "2024-03-01 00:00:00".
    stored = {"date": str(dimensions.get("stat_time_day", ""))[:10]}
    if report.level is TiktokLevel.CAMPAIGN:
        stored["campaign_id"] = str(dimensions.get("campaign_id", ""))
        stored["campaign_name"] = str(metrics.get("campaign_name", ""))
    return ReportRow(
        dimensions=stored,
        metrics={metric: number(metrics.get(METRICS[metric])) for metric in report.metrics},
    )


async def pull_report(
    integrations: Integrations, http: ConnectedHttp, report: TiktokReportCreate
) -> Pulled:
    reports = TiktokReports(http, integrations.settings.tiktok.page_size)
    rows = await reports.rows(
        report.advertiser_id,
        DATA_LEVELS[report.level],
        DIMENSIONS[report.level],
        asked_metrics(report),
        report.start_date,
        report.end_date,
    )
    return Pulled(
        source_id=report.advertiser_id,
        period=report,
        dimensions=STORED_DIMENSIONS[report.level],
        metrics=list(report.metrics),
        rows=[normalised_row(row, report) for row in rows],
        request=report.model_dump(mode="json"),
    )
