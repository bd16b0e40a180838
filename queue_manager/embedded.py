"""Embedded mode (`./scripts/up`): the queue manager's worker and crons inside the supervisor's
process, so jobs asked for by the services run without a `celery` command.

The worker (threads pool) consumes the queues switched on, on Redis or Celery's in-memory
transport, with task bodies on the supervisor's event loop and its MongoDB connection. The
crons switched on are sent on a timer instead of by a beat process.
"""

import asyncio
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from celery.worker import WorkController

from queue_manager.celery import app
from queue_manager.layout import CRONS, beat_schedule
from queue_manager.settings import QueueManagerSettings
from shared.utilities import db
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.worker import use_event_loop

THREADS = 4
STOP_SECONDS = 10
WORKER = "queue_manager-worker"


@asynccontextmanager
async def running(settings: QueueManagerSettings) -> AsyncIterator[None]:
    use_event_loop(asyncio.get_running_loop())
    worker = WorkController(
        app=app,
        pool="threads",
        concurrency=THREADS,
        hostname=f"queue_manager@embedded-{os.getpid()}",
        without_heartbeat=True,
        without_mingle=True,
        without_gossip=True,
    )
    thread = threading.Thread(target=worker.start, name="queue-manager-worker", daemon=True)
    senders = Senders.for_redis(settings.redis_url)
    # The process's one MongoDB connection, which the services join (or which joins theirs).
    await db.connect(settings.mongo_url, initiator=WORKER, database=settings.mongo_db)
    thread.start()
    schedule = beat_schedule(settings.switches)
    crons = [asyncio.create_task(send_every(switch, senders)) for switch in schedule]
    try:
        yield
    finally:
        for cron in crons:
            cron.cancel()
        # Off the loop: stopping waits for running tasks, whose bodies need the loop.
        await anyio.to_thread.run_sync(stop, worker, thread)
        senders.close()
        await db.disconnect(WORKER)
        use_event_loop(None)


def stop(worker: WorkController, thread: threading.Thread) -> None:
    worker.stop(in_sighandler=False)
    thread.join(STOP_SECONDS)


async def send_every(switch: str, senders: Senders) -> None:
    """Beat's job for one cron: its task, sent on its queue every period."""
    cron = CRONS[switch]
    while True:
        await asyncio.sleep(cron.every.total_seconds())
        # The outbox logs a send that fails; the next tick tries again.
        async with collecting(senders):
            enqueue_job(cron.task)
