"""Mailchimp's campaign reports into the analytics store: per campaign (`campaign`, its id
and title), on the day it was sent, its totals as Mailchimp counts them when pulled (emails
sent, opens and unique opens, clicks and unique clicks, unsubscribes, bounces). Mailchimp
reports a campaign's totals, not its days: a re-pull overwrites the send day's values with
the later totals."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from external_api.integrations.mailchimp.client import MailchimpClient
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics

SOURCE = "mailchimp"
ENTITY = "campaign"


def metrics_of(report: dict[str, Any]) -> list[DailyMetric]:
    day = datetime.fromisoformat(report["send_time"]).date()
    opens, clicks = report.get("opens") or {}, report.get("clicks") or {}
    bounces = report.get("bounces") or {}
    values = {
        "emails_sent": report.get("emails_sent", 0),
        "opens": opens.get("opens_total", 0),
        "unique_opens": opens.get("unique_opens", 0),
        "clicks": clicks.get("clicks_total", 0),
        "unique_clicks": clicks.get("unique_clicks", 0),
        "unsubscribes": report.get("unsubscribed", 0),
        "bounces": bounces.get("hard_bounces", 0) + bounces.get("soft_bounces", 0),
    }
    name = str(report.get("campaign_title") or "")[:300]
    return [
        DailyMetric(ENTITY, str(report["id"]), metric, day, float(value), entity_name=name)
        for metric, value in values.items()
    ]


async def sync_campaigns(client: MailchimpClient, account_id: str, start: date, end: date) -> int:
    """The campaigns sent from `start` to `end` (both included) stored; how many rows."""
    since = datetime.combine(start, time.min, UTC)
    before = datetime.combine(end + timedelta(days=1), time.min, UTC)
    rows = [
        metric async for report in client.reports(since, before) for metric in metrics_of(report)
    ]
    return await upsert_daily_metrics(account_id, SOURCE, rows)
