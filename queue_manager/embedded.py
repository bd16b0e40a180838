"""Embedded mode (`./scripts/up`): the queue manager's worker and crons inside the supervisor's
process, so jobs asked for by the services run without a `celery` command.

The worker (threads pool) consumes the queues switched on, on Redis or Celery's in-memory
transport, with task bodies on the supervisor's event loop and its MongoDB connection. The
crons switched on are sent on a timer instead of by a beat process.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from queue_manager.celery import app
from queue_manager.layout import CRONS, beat_schedule
from queue_manager.settings import QueueManagerSettings
from shared.utilities import db
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.worker import running_in_process

THREADS = 4
WORKER = "queue_manager-worker"


@asynccontextmanager
async def running(settings: QueueManagerSettings) -> AsyncIterator[None]:
    # The process's one MongoDB connection, which the services join (or which joins theirs).
    await db.connect(settings.mongo_url, initiator=WORKER, database=settings.mongo_db)
    senders = Senders.for_redis(settings.redis_url)
    schedule = beat_schedule(settings.switches)
    try:
        async with running_in_process(app, THREADS):
            crons = [asyncio.create_task(send_every(switch, senders)) for switch in schedule]
            try:
                yield
            finally:
                for cron in crons:
                    cron.cancel()
    finally:
        senders.close()
        await db.disconnect(WORKER)


async def send_every(switch: str, senders: Senders) -> None:
    """Beat's job for one cron: its task, sent on its queue every period."""
    cron = CRONS[switch]
    while True:
        await asyncio.sleep(cron.every.total_seconds())
        # The outbox logs a send that fails; the next tick tries again.
        async with collecting(senders):
            enqueue_job(cron.task)
