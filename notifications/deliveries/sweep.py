"""The periodic sweep: deliveries whose quiet hours ended, and deliveries left behind.

Deferred deliveries whose time has come go back to `queued` and are handed to their send. A
delivery still `queued` that nothing has touched for `stale_seconds` was left behind (the
process sending it stopped, or its task could not be enqueued) and is handed over again; a
try in progress touches its delivery, and the setting is longer than the longest backoff. In
queue mode the task id is the delivery id, so handing one over twice runs it once.

Each delivery is claimed with one atomic update, so replicas sweeping at the same moment hand
each one over once. `run_every` runs the sweep, and the service's other periodic work (Expo's
push receipts), for the service's lifetime.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from notifications.deliveries.dispatch import Dispatcher
from notifications.deliveries.repository import AllDeliveries
from shared.models.base import utc_now
from shared.models.notification_delivery import DeliveryStatus, StatusChange
from shared.utilities.outbox import Senders, collecting

logger = logging.getLogger(__name__)


async def release_due(now: datetime) -> list[str]:
    """Moves every deferred delivery whose time has come back to `queued`; their ids."""
    change = StatusChange(status=DeliveryStatus.QUEUED, at=now, detail="quiet hours ended")
    return await AllDeliveries.claim_each(
        {"status": DeliveryStatus.DEFERRED, "send_after": {"$lte": now}},
        {
            "$set": {"status": DeliveryStatus.QUEUED, "reason": "", "updated_at": now},
            "$push": {"history": change.model_dump()},
        },
    )


async def recover_stale(now: datetime, stale_seconds: float) -> list[str]:
    """Touches every `queued` delivery untouched for `stale_seconds`; their ids."""
    return await AllDeliveries.claim_each(
        {
            "status": DeliveryStatus.QUEUED,
            "updated_at": {"$lt": now - timedelta(seconds=stale_seconds)},
        },
        {"$set": {"updated_at": now}},
    )


async def sweep(dispatcher: Dispatcher, senders: Senders, stale_seconds: float) -> None:
    now = utc_now()
    # The outbox sends queue mode's tasks once every claim is stored.
    async with collecting(senders):
        for delivery_id in await release_due(now) + await recover_stale(now, stale_seconds):
            dispatcher.dispatch(delivery_id)


async def run_every(every_seconds: float, name: str, job: Callable[[], Awaitable[None]]) -> None:
    """Runs `job` now and `every_seconds` after each run ends; a run that fails is logged and
    the next one comes all the same."""
    while True:
        try:
            await job()
        except Exception:
            logger.exception("%s failed", name)
        await asyncio.sleep(every_seconds)
