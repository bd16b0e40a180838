"""A Google Ads performance report: the GAQL query built from checked choices only (never
from free text), the rows normalised."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_ads.client import GoogleAds
from external_api.integrations.google_ads.schemas import AdsLevel, AdsReportCreate
from external_api.integrations.reports.service import Pulled
from shared.models.analytics_report import ReportRow

PROVIDER = "google-ads"
# The dimensions each level reports by: (GAQL field, name in the stored rows).
LEVEL_DIMENSIONS = {
    AdsLevel.ACCOUNT: [("segments.date", "date")],
    AdsLevel.CAMPAIGN: [
        ("segments.date", "date"),
        ("campaign.id", "campaign_id"),
        ("campaign.name", "campaign_name"),
    ],
}


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.title() for part in rest)


def gaql(report: AdsReportCreate) -> str:
    fields = [field for field, _ in LEVEL_DIMENSIONS[report.level]]
    fields += [f"metrics.{metric}" for metric in report.metrics]
    return (
        f"SELECT {', '.join(fields)} FROM {report.level.value} "
        f"WHERE segments.date BETWEEN '{report.start_date.isoformat()}' "
        f"AND '{report.end_date.isoformat()}'"
    )


def field_value(row: dict, field: str):
    """A GAQL field of a result row: `metrics.cost_micros` is row["metrics"]["costMicros"]."""
    resource, name = field.split(".", 1)
    return row.get(camel(resource), {}).get(camel(name))


def normalised_row(row: dict, report: AdsReportCreate) -> ReportRow:
    return ReportRow(
        dimensions={
            name: str(field_value(row, field) or "")
            for field, name in LEVEL_DIMENSIONS[report.level]
        },
        # Int64 metrics come as strings, doubles as numbers; a zero may be left out.
        metrics={
            metric: float(field_value(row, f"metrics.{metric}") or 0) for metric in report.metrics
        },
    )


async def pull_report(
    integrations: Integrations, http: ConnectedHttp, report: AdsReportCreate
) -> Pulled:
    google = integrations.settings.google
    developer_token = google.ads_developer_token.get_secret_value()
    ads = GoogleAds(http, google.ads_api_version, developer_token)
    results = await ads.search_stream(report.customer_id, gaql(report), report.login_customer_id)
    return Pulled(
        source_id=report.customer_id,
        period=report,
        dimensions=[name for _, name in LEVEL_DIMENSIONS[report.level]],
        metrics=list(report.metrics),
        rows=[normalised_row(row, report) for row in results],
        request=report.model_dump(mode="json"),
    )
