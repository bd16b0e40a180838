"""Queue `reputation` (QM_REPUTATION): new reviews alerted on and auto-replied to, Google
locations' and Facebook Pages' reviews read again (on Google's notification, or when due),
review requests sent; its cron syncs what is due and sends the weekly digests
(`queue_manager.reputation.work`)."""

from queue_manager.celery import app
from queue_manager.reputation import work
from queue_manager.siblings import SiblingBusy
from shared.models.base import utc_now
from shared.utilities.task_names import (
    REPUTATION_REVIEW_ADDED,
    REPUTATION_SEND_REQUEST,
    REPUTATION_SWEEP,
    REPUTATION_SYNC_FACEBOOK,
    REPUTATION_SYNC_LOCATION,
)
from shared.utilities.worker import platform_task


@platform_task(app, REPUTATION_REVIEW_ADDED, retry_on=(SiblingBusy,))
async def review_added(account_id: str, review_id: str) -> dict:
    return await work.on_review_added(account_id, review_id)


@platform_task(app, REPUTATION_SYNC_LOCATION, retry_on=(SiblingBusy,))
async def sync_location(account_id: str, location_id: str) -> dict:
    return await work.sync_location(account_id, location_id)


@platform_task(app, REPUTATION_SYNC_FACEBOOK, retry_on=(SiblingBusy,))
async def sync_facebook(account_id: str) -> dict:
    return await work.sync_facebook(account_id)


@platform_task(app, REPUTATION_SEND_REQUEST, retry_on=(SiblingBusy,))
async def send_request(account_id: str, request_id: str) -> dict:
    return await work.send_request(account_id, request_id)


@platform_task(app, REPUTATION_SWEEP)
async def sweep() -> dict:
    return await work.sweep(utc_now())
