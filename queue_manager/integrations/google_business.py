"""Business Profile's review notifications (NEW_REVIEW, UPDATED_REVIEW), received by the
external API: the location's reviews are read again, incrementally, for each account that
stored the location."""

from typing import Any

from queue_manager.reputation.repository import locations_named
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import REPUTATION_SYNC_LOCATION


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    location = str(event.get("data", {}).get("location", ""))
    found = await locations_named(location) if location else []
    for stored in found:
        enqueue_job(
            REPUTATION_SYNC_LOCATION,
            task_id=f"reputation-notified:{event['id']}:{stored.id}",
            account_id=str(stored.account_id),
            location_id=str(stored.id),
        )
    return {"locations": [str(stored.id) for stored in found]}
