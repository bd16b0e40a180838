"""Pulls of a source's days into the analytics store, asked of the queue manager's
`analytics_sync` queue: the nightly sync's (the last few days, which providers still revise)
and a back-fill's (a past range, a month per job so one failure retries one month)."""

from datetime import date, timedelta

from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import ANALYTICS_SYNC_PULL

CHUNK_DAYS = 31
# The nightly sync pulls again the days providers may still change (conversions, late calls).
NIGHTLY_DAYS = 3


def chunks(start: date, end: date) -> list[tuple[date, date]]:
    ranges = []
    while start <= end:
        last = min(start + timedelta(days=CHUNK_DAYS - 1), end)
        ranges.append((start, last))
        start = last + timedelta(days=1)
    return ranges


def ask_pull(account_id: str, source: str, start: date, end: date) -> None:
    enqueue_job(
        ANALYTICS_SYNC_PULL,
        account_id=account_id,
        source=source,
        start_date=start.isoformat(),
        end_date=end.isoformat(),
    )


def ask_backfill(account_id: str, source: str, start: date, end: date) -> int:
    ranges = chunks(start, end)
    for first, last in ranges:
        ask_pull(account_id, source, first, last)
    return len(ranges)


def nightly_range(today: date) -> tuple[date, date]:
    return today - timedelta(days=NIGHTLY_DAYS), today - timedelta(days=1)
