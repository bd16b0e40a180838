"""The queue snapshots the utilisation cron records: written once a minute, the latest read."""

from shared.models.queue_snapshot import QueueSnapshot


async def record(snapshot: QueueSnapshot) -> None:
    await snapshot.insert()


async def latest() -> QueueSnapshot | None:
    return await QueueSnapshot.find_all().sort("-taken_at").first_or_none()
