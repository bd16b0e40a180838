"""The account's Facebook Pages (stored with their sealed Page tokens), subscribing a Page to
lead ads, and ads insights reports."""

import json

from external_api.integrations.facebook.client import Graph, subscribe_page_to_leads
from external_api.integrations.facebook.schemas import (
    FacebookPageRead,
    InsightsLevel,
    InsightsReportCreate,
)
from external_api.integrations.framework.errors import ReconnectNeeded
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.reports.service import Pulled
from shared.models.analytics_report import ReportRow
from shared.models.facebook_token import FacebookPage
from shared.utilities.errors import NotFound

PROVIDER = "facebook"
LEVEL_DIMENSIONS = {
    InsightsLevel.ACCOUNT: [("date_start", "date")],
    InsightsLevel.CAMPAIGN: [
        ("date_start", "date"),
        ("campaign_id", "campaign_id"),
        ("campaign_name", "campaign_name"),
    ],
}


def graph_version(integrations: Integrations) -> str:
    return integrations.settings.facebook.graph_version


async def sync_pages(
    integrations: Integrations, graph_http: ConnectedHttp, account_id: str
) -> list[FacebookPageRead]:
    """Read the user's Pages and store them with their Page tokens; a Page already subscribed
    to lead ads stays so."""
    store = integrations.store(PROVIDER)
    credential = await store.connected(account_id)
    subscribed = {page.id for page in credential.pages if page.leads_subscribed}
    pages = [
        FacebookPage(
            id=page["id"],
            name=page.get("name", ""),
            category=page.get("category", ""),
            access_token=integrations.box.seal(page["access_token"]),
            leads_subscribed=page["id"] in subscribed,
        )
        async for page in Graph(graph_http, graph_version(integrations)).pages()
    ]
    credential.pages = pages
    await credential.save()
    return [page_read(page) for page in pages]


async def subscribe_to_leads(
    integrations: Integrations, account_id: str, page_id: str
) -> FacebookPageRead:
    store = integrations.store(PROVIDER)
    credential = await store.connected(account_id)
    page = next((page for page in credential.pages if page.id == page_id), None)
    if page is None:
        raise NotFound(f"Page {page_id} is not among the account's Facebook Pages.")
    try:
        await subscribe_page_to_leads(
            integrations.http[PROVIDER],
            graph_version(integrations),
            page_id,
            integrations.box.open(page.access_token),
        )
    except ReconnectNeeded as refused:
        await store.mark_reconnect_needed(account_id, refused.message)
        raise
    page.leads_subscribed = True
    await credential.save()
    return page_read(page)


def page_read(page: FacebookPage) -> FacebookPageRead:
    return FacebookPageRead(**page.model_dump(include=set(FacebookPageRead.model_fields)))


def insights_params(report: InsightsReportCreate) -> dict:
    fields = [field for field, _ in LEVEL_DIMENSIONS[report.level]][1:] + list(report.metrics)
    period = {"since": report.start_date.isoformat(), "until": report.end_date.isoformat()}
    return {
        "fields": ",".join(fields),
        "level": report.level.value,
        "time_range": json.dumps(period, separators=(",", ":")),
        "time_increment": 1,  # one row per day
    }


def normalised_row(row: dict, report: InsightsReportCreate) -> ReportRow:
    return ReportRow(
        dimensions={
            name: str(row.get(field, "")) for field, name in LEVEL_DIMENSIONS[report.level]
        },
        metrics={metric: float(row.get(metric) or 0) for metric in report.metrics},
    )


async def pull_insights(
    integrations: Integrations, graph_http: ConnectedHttp, report: InsightsReportCreate
) -> Pulled:
    graph = Graph(graph_http, graph_version(integrations))
    rows = [
        normalised_row(row, report)
        async for row in graph.insights(report.ad_account_id, insights_params(report))
    ]
    return Pulled(
        source_id=report.ad_account_id,
        period=report,
        dimensions=[name for _, name in LEVEL_DIMENSIONS[report.level]],
        metrics=list(report.metrics),
        rows=rows,
        request=report.model_dump(mode="json"),
    )
