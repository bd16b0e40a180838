from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from shared.utilities.schemas import ReadModel


class SwitchRead(BaseModel):
    name: str  # the switch, which is also its queue's name
    variable: str  # QM_<NAME>
    on: bool
    kind: Literal["queue", "cron"]
    description: str


class QueueRead(BaseModel):
    name: str
    kind: Literal["queue", "cron"]
    switched_on: bool
    length: int  # tasks waiting in Redis (not those a worker holds)
    consumers: list[str]  # workers consuming it now


class QueueSampleRead(ReadModel):
    name: str
    depth: int  # tasks waiting in Redis, not those a worker holds
    oldest_waiting_seconds: float | None  # the head of the queue's wait; None when empty
    consumers: int


class WorkerSampleRead(ReadModel):
    name: str
    concurrency: int
    active: int
    utilisation: float  # active / concurrency when sampled, 0..1


class UtilizationRead(ReadModel):
    taken_at: datetime
    queues: list[QueueSampleRead]
    workers: list[WorkerSampleRead]
