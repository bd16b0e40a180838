"""Queue `analytics_sync` (QM_ANALYTICS_SYNC): the nightly cron asking a pull of the last days
of every connected analytics source (`shared.domain.analytics.sync`), and each pull, nightly or
a back-fill's month, made by the external API into the analytics store (an upsert by day, so a
pull retried or repeated stores each day once)."""

from queue_manager.analytics import client
from queue_manager.analytics.repository import connected_sources
from queue_manager.celery import app
from shared.domain.analytics.sync import ask_pull, nightly_range
from shared.models.base import utc_now
from shared.utilities.task_names import ANALYTICS_SYNC_NIGHTLY, ANALYTICS_SYNC_PULL
from shared.utilities.worker import platform_task


@platform_task(app, ANALYTICS_SYNC_NIGHTLY)
async def nightly() -> dict[str, int]:
    start, end = nightly_range(utc_now().date())
    pairs = await connected_sources()
    for account_id, source in pairs:
        ask_pull(account_id, source, start, end)
    return {"pulls": len(pairs)}


@platform_task(app, ANALYTICS_SYNC_PULL, retry_on=(client.ExternalApiBusy,))
async def pull(account_id: str, source: str, start_date: str, end_date: str) -> dict:
    return await client.pull(account_id, source, start_date, end_date)
