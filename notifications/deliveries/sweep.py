"""Releasing deliveries held by quiet hours once they end: a sweep every few seconds.

Each due delivery is claimed with one atomic update (deferred -> queued), so replicas
sweeping at the same moment hand each one over once.
"""

import asyncio
import logging
from datetime import datetime

from notifications.deliveries.dispatch import Dispatcher
from shared.models.base import utc_now
from shared.models.notification_delivery import (
    DeliveryStatus,
    NotificationDelivery,
    StatusChange,
)
from shared.utilities.outbox import Senders, collecting

logger = logging.getLogger(__name__)


async def release_due(now: datetime) -> list[str]:
    """Moves every deferred delivery whose time has come back to `queued`; their ids."""
    collection = NotificationDelivery.get_motor_collection()
    change = StatusChange(status=DeliveryStatus.QUEUED, at=now, detail="quiet hours ended")
    released = []
    while claimed := await collection.find_one_and_update(
        {"status": DeliveryStatus.DEFERRED, "send_after": {"$lte": now}},
        {
            "$set": {"status": DeliveryStatus.QUEUED, "reason": "", "updated_at": now},
            "$push": {"history": change.model_dump()},
        },
    ):
        released.append(str(claimed["_id"]))
    return released


async def release_and_dispatch(dispatcher: Dispatcher, senders: Senders) -> None:
    # The outbox sends queue mode's tasks once every claim is stored.
    async with collecting(senders):
        for delivery_id in await release_due(utc_now()):
            dispatcher.dispatch(delivery_id)


async def sweep_forever(dispatcher: Dispatcher, senders: Senders, every_seconds: float) -> None:
    while True:
        try:
            await release_and_dispatch(dispatcher, senders)
        except Exception:
            logger.exception("could not release deferred deliveries")
        await asyncio.sleep(every_seconds)
