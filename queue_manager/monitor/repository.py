"""The queue snapshots the utilisation cron records: written once a minute, the latest read."""

from shared.models.dead_letter import DeadLetter
from shared.models.queue_snapshot import QueueSnapshot


async def record(snapshot: QueueSnapshot) -> None:
    await snapshot.insert()


async def latest() -> QueueSnapshot | None:
    return await QueueSnapshot.find_all().sort("-taken_at").first_or_none()


async def dead_letters_kept() -> int:
    """MongoDB's estimated count (the collection's metadata): no scan, whatever its size."""
    return await DeadLetter.get_motor_collection().estimated_document_count()
