"""A source's days pulled again into the analytics store, for the nightly sync and back-fills
(both run by the queue manager's `analytics_sync` queue, which calls here):

- GA4, Google Ads, Facebook Ads, Microsoft Advertising and TikTok: each property, customer,
  ad account or advertiser the account has reported on is asked again, with what was last
  asked of it, for the new days;
- CallRail: the range's calls counted by day and source (`callrail.daily`);
- Semrush: today's snapshot (Semrush keeps no history the platform reads).

Each write is an upsert by day, so a day pulled twice is stored once.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from external_api.integrations.bing_ads import service as bing_ads
from external_api.integrations.bing_ads.schemas import BingReportCreate
from external_api.integrations.callrail.daily import sync_calls
from external_api.integrations.callrail.service import client_for
from external_api.integrations.facebook import service as facebook
from external_api.integrations.facebook.schemas import InsightsReportCreate
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_ads import service as google_ads
from external_api.integrations.google_ads.schemas import AdsReportCreate
from external_api.integrations.google_analytics import service as google_analytics
from external_api.integrations.google_analytics.schemas import GaReportCreate
from external_api.integrations.reports.repository import ReportRepository
from external_api.integrations.reports.service import Pulled, store_report
from external_api.integrations.semrush import service as semrush
from external_api.integrations.tiktok import service as tiktok
from external_api.integrations.tiktok.schemas import TiktokReportCreate
from shared.utilities.errors import NotFound


@dataclass(frozen=True)
class ReportPull:
    provider: str  # the integration's name
    body: type[BaseModel]
    pull: Callable[[Integrations, ConnectedHttp, Any], Awaitable[Pulled]]


REPORT_SOURCES = {
    "google-analytics": ReportPull(
        "google-analytics", GaReportCreate, google_analytics.pull_report
    ),
    "google-ads": ReportPull("google-ads", AdsReportCreate, google_ads.pull_report),
    "facebook-ads": ReportPull("facebook", InsightsReportCreate, facebook.pull_insights),
    "bing-ads": ReportPull("bing-ads", BingReportCreate, bing_ads.pull_report),
    "tiktok-ads": ReportPull("tiktok", TiktokReportCreate, tiktok.pull_report),
}
SOURCES = (*REPORT_SOURCES, "callrail", "semrush")


class UnknownSource(NotFound):
    code = "unknown_source"


async def pull_reports(
    integrations: Integrations, account_id: str, source: ReportPull, start: date, end: date
) -> int:
    """How many reports were pulled again."""
    requests = await ReportRepository(account_id, source.provider).latest_requests()
    http = integrations.connected_http(source.provider, account_id)
    for request in requests:
        body = source.body.model_validate({**request, "start_date": start, "end_date": end})
        pulled = await source.pull(integrations, http, body)
        await store_report(account_id, source.provider, pulled, integrations.settings)
    return len(requests)


async def sync_source(
    integrations: Integrations, account_id: str, source: str, start: date, end: date
) -> int:
    """Pulls made (reports, or 1 for CallRail's calls and Semrush's snapshot)."""
    if source in REPORT_SOURCES:
        return await pull_reports(integrations, account_id, REPORT_SOURCES[source], start, end)
    if source == "callrail":
        await sync_calls(await client_for(integrations, account_id), account_id, start, end)
        return 1
    if source == "semrush":
        await semrush.sync(integrations, account_id)
        return 1
    raise UnknownSource(f"No analytics source is called {source}.")
