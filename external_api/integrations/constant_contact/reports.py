"""Constant Contact's email campaigns summary report into the analytics store
(`GET /v3/reports/summary_reports/email_campaign_summaries`): per campaign (`campaign`, its
id), on the day it was last sent, its unique counts when pulled (sends, opens, clicks,
opt-outs, bounces; Constant Contact gives them as strings). The report lists the most recent
campaigns first, paged by `_links.next.href`: paging stops at a page whose campaigns were all
sent before the range. A re-pull overwrites the day's values with the later counts."""

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from external_api.integrations.framework.runtime import Integrations
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics

NAME = "constant-contact"
SUMMARIES = "/v3/reports/summary_reports/email_campaign_summaries"
PAGE_SIZE = 50
ENTITY = "campaign"
# Constant Contact's unique counts -> the metrics stored.
COUNTS = {
    "sends": "emails_sent",
    "opens": "unique_opens",
    "clicks": "unique_clicks",
    "optouts": "unsubscribes",
    "bounces": "bounces",
}


def sent_on(summary: dict[str, Any]) -> date:
    return datetime.fromisoformat(summary["last_sent_date"].replace("Z", "+00:00")).date()


def metrics_of(summary: dict[str, Any]) -> Iterator[DailyMetric]:
    counts = summary.get("unique_counts") or {}
    for name, metric in COUNTS.items():
        value = float(counts.get(name) or 0)
        yield DailyMetric(ENTITY, str(summary["campaign_id"]), metric, sent_on(summary), value)


async def sync_campaigns(
    integrations: Integrations, account_id: str, start: date, end: date
) -> int:
    """The campaigns last sent from `start` to `end` (both included) stored; how many rows."""
    http = integrations.connected_http(NAME, account_id)
    rows: list[DailyMetric] = []
    path: str | None = SUMMARIES
    params: dict[str, Any] | None = {"limit": PAGE_SIZE}
    while path:
        page = await http.json("GET", path, params=params)
        summaries = page.get("bulk_email_campaign_summaries") or []
        rows += [
            metric
            for summary in summaries
            if start <= sent_on(summary) <= end
            for metric in metrics_of(summary)
        ]
        if not summaries or all(sent_on(summary) < start for summary in summaries):
            break
        # The next page's path carries its own query.
        path, params = ((page.get("_links") or {}).get("next") or {}).get("href"), None
    return await upsert_daily_metrics(account_id, NAME, rows)
