"""What the queues and workers looked like at one moment, recorded every minute by the
`schedule_utilization_monitoring` cron and read on the queue manager's `/v1/queues/utilization`.

Kept a day (a TTL index on `taken_at`): enough to see a backlog build up and drain.
"""

from datetime import datetime

from pydantic import BaseModel
from pymongo import DESCENDING, IndexModel

from shared.models.base import BaseDocument

KEPT_SECONDS = 24 * 3600


class QueueSample(BaseModel):
    name: str
    depth: int  # tasks waiting in Redis, not those a worker holds
    # How long the task at the head of the queue has waited; None when empty or unknown.
    oldest_waiting_seconds: float | None
    consumers: int  # workers consuming it


class WorkerSample(BaseModel):
    name: str
    concurrency: int  # tasks it can run at once (its pool's size)
    active: int  # tasks it was running
    utilisation: float  # active / concurrency, 0..1


class QueueSnapshot(BaseDocument):
    taken_at: datetime
    queues: list[QueueSample]
    workers: list[WorkerSample]

    class Settings:
        name = "queue_snapshots"
        indexes = [IndexModel([("taken_at", DESCENDING)], expireAfterSeconds=KEPT_SECONDS)]
