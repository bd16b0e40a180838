"""What runs where: the switches in force, each queue's waiting tasks and its consumers."""

import anyio
from celery import Celery
from redis.asyncio import Redis

from queue_manager.layout import is_cron, switch_names
from queue_manager.monitor.schemas import QueueRead, SwitchRead
from queue_manager.switches import QueueSwitches
from shared.utilities.settings import env_name

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


async def queue_length(redis: Redis, queue: str) -> int:
    keys = [queue if step == 0 else f"{queue}{PRIORITY_SEPARATOR}{step}" for step in PRIORITY_STEPS]
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.llen(key)
        return sum(await pipe.execute())


def consumers_by_queue(celery: Celery) -> dict[str, list[str]]:
    """Asks every worker which queues it consumes (a broadcast answered within a second)."""
    answers = celery.control.inspect(timeout=INSPECT_TIMEOUT_SECONDS).active_queues() or {}
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
