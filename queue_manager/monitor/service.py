"""What runs where: the switches in force, each queue's waiting tasks and its consumers, and the
snapshots of queue depths and worker utilisation the utilisation cron records."""

import json
import time
from collections.abc import Iterable
from typing import Any

import anyio
from celery import Celery
from redis.asyncio import Redis

from queue_manager.layout import is_cron, switch_names
from queue_manager.monitor import repository
from queue_manager.monitor.errors import NoSnapshotYet
from queue_manager.monitor.schemas import QueueRead, SwitchRead
from queue_manager.switches import QueueSwitches
from shared.models.base import utc_now
from shared.models.queue_snapshot import QueueSample, QueueSnapshot, WorkerSample
from shared.utilities.settings import env_name
from shared.utilities.tasks import SENT_AT

# kombu keeps a queue's tasks of priority p > 0 in a list of its own, "<queue>\x06\x16<p>".
PRIORITY_SEPARATOR = "\x06\x16"
PRIORITY_STEPS = (0, 3, 6, 9)
INSPECT_TIMEOUT_SECONDS = 1.0


def kind_of(name: str) -> str:
    return "cron" if is_cron(name) else "queue"


def switches(current: QueueSwitches) -> list[SwitchRead]:
    fields = QueueSwitches.model_fields
    return [
        SwitchRead(
            name=name,
            variable=env_name(QueueSwitches, name),
            on=getattr(current, name),
            kind=kind_of(name),
            description=fields[name].description or "",
        )
        for name in switch_names()
    ]


def priority_lists(queue: str) -> list[str]:
    return [queue if step == 0 else f"{queue}{PRIORITY_SEPARATOR}{step}" for step in PRIORITY_STEPS]


async def queue_length(redis: Redis, queue: str) -> int:
    async with redis.pipeline(transaction=False) as pipe:
        for key in priority_lists(queue):
            pipe.llen(key)
        return sum(await pipe.execute())


async def oldest_waiting_seconds(redis: Redis, queue: str, now: float) -> float | None:
    """How long the task next in line has waited: kombu pushes on the left and takes from the
    right, so each list's oldest task is its last; None when empty or sent without a stamp."""
    async with redis.pipeline(transaction=False) as pipe:
        for key in priority_lists(queue):
            pipe.lindex(key, -1)
        heads = [head for head in await pipe.execute() if head is not None]
    sent = [stamp for head in heads if (stamp := sent_at(head)) is not None]
    return round(now - min(sent), 3) if sent else None


def sent_at(message: bytes | str) -> float | None:
    try:
        stamp = json.loads(message).get("headers", {}).get(SENT_AT)
    except (ValueError, AttributeError):
        return None
    return float(stamp) if isinstance(stamp, int | float) else None


def consumers_by_queue(celery: Celery) -> dict[str, list[str]]:
    """Asks every worker which queues it consumes (a broadcast answered within a second)."""
    answers = celery.control.inspect(timeout=INSPECT_TIMEOUT_SECONDS).active_queues() or {}
    return by_queue(answers)


def by_queue(answers: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for worker, queues in answers.items():
        for queue in queues:
            found.setdefault(queue["name"], []).append(worker)
    return found


async def queues(current: QueueSwitches, redis: Redis, celery: Celery) -> list[QueueRead]:
    consumers = await anyio.to_thread.run_sync(consumers_by_queue, celery)
    return [
        QueueRead(
            name=name,
            kind=kind_of(name),
            switched_on=getattr(current, name),
            length=await queue_length(redis, name),
            consumers=sorted(consumers.get(name, [])),
        )
        for name in switch_names()
    ]


def worker_samples(celery: Celery) -> tuple[list[WorkerSample], dict[str, list[str]]]:
    """Each worker's pool size and running tasks, and who consumes each queue: three
    broadcasts, each answered within a second."""
    inspect = celery.control.inspect(timeout=INSPECT_TIMEOUT_SECONDS)
    stats = inspect.stats() or {}
    active = inspect.active() or {}
    consumers = by_queue(inspect.active_queues() or {})
    return [worker_sample(name, stats[name], active.get(name, [])) for name in sorted(stats)], (
        consumers
    )


def worker_sample(name: str, stats: dict[str, Any], running: Iterable[Any]) -> WorkerSample:
    concurrency = int(stats.get("pool", {}).get("max-concurrency") or 1)
    busy = len(list(running))
    return WorkerSample(
        name=name, concurrency=concurrency, active=busy, utilisation=round(busy / concurrency, 3)
    )


async def take_snapshot(redis: Redis, celery: Celery) -> QueueSnapshot:
    """Every declared queue's depth and oldest waiting task, and every worker's utilisation,
    recorded."""
    workers, consumers = await anyio.to_thread.run_sync(worker_samples, celery)
    now = time.time()
    samples = [
        QueueSample(
            name=name,
            depth=await queue_length(redis, name),
            oldest_waiting_seconds=await oldest_waiting_seconds(redis, name, now),
            consumers=len(consumers.get(name, [])),
        )
        for name in switch_names()
    ]
    snapshot = QueueSnapshot(taken_at=utc_now(), queues=samples, workers=workers)
    await repository.record(snapshot)
    return snapshot


async def latest_snapshot() -> QueueSnapshot:
    snapshot = await repository.latest()
    if snapshot is None:
        raise NoSnapshotYet("No utilisation snapshot is recorded yet: the cron runs every minute.")
    return snapshot
