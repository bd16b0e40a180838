"""CallRail's calls of a range counted into the analytics store: per day (the call's own date,
in the company's time zone as CallRail writes it) and per source (`source`, CallRail's name of
where the caller came from: "Google Ads", "Google Organic", "Direct"), the calls, the answered
ones and their seconds."""

from collections import Counter
from datetime import date

from external_api.integrations.callrail.client import CallrailClient
from external_api.integrations.callrail.schemas import Call
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics

SOURCE = "callrail"
ENTITY = "call_source"
PER_PAGE = 250  # CallRail's largest page
UNKNOWN = "(unknown)"


def counted(calls: list[Call]) -> list[DailyMetric]:
    totals: Counter[tuple[date, str, str]] = Counter()
    for call in calls:
        if call.start_time is None:
            continue
        key = call.start_time.date(), (call.source or UNKNOWN)[:300]
        totals[(*key, "calls")] += 1
        totals[(*key, "answered_calls")] += 1 if call.answered else 0
        totals[(*key, "call_seconds")] += call.duration or 0
    return [
        DailyMetric(ENTITY, source, metric, day, value, entity_name=source)
        for (day, source, metric), value in sorted(totals.items())
    ]


async def sync_calls(client: CallrailClient, account_id: str, start: date, end: date) -> int:
    """Every page of the range's calls read, then stored; how many rows were written."""
    filters = {"start_date": start.isoformat(), "end_date": end.isoformat(), "fields": "source"}
    calls: list[Call] = []
    page = 1
    while True:
        listed = await client.list_calls(page, PER_PAGE, filters)
        calls += listed.calls
        if page >= listed.total_pages:
            break
        page += 1
    return await upsert_daily_metrics(account_id, SOURCE, counted(calls))
