"""A worker in a thread of this process (embedded mode): its bodies on the running event loop,
where the host owns the MongoDB connection; stopped at the end of the block, its running tasks
handed back to their queues, within a bounded time whatever the broker does."""

import asyncio
import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from celery import Celery
from celery import _state as celery_state
from celery.concurrency.thread import TaskPool as ThreadTaskPool
from celery.utils.threads import bound_open_broker_sockets
from celery.worker import WorkController

from shared.utilities.worker.loop import hand_back_bodies, use_event_loop
from shared.utilities.worker.resources import close_per_loop

logger = logging.getLogger(__name__)

# Stopping waits at most this long in all; a broker read that would block it is cut short.
STOP_SECONDS = 5.0
BROKER_SOCKET_SECONDS = 1.0


class AppThreadPool(ThreadTaskPool):
    """Celery's threads pool, its threads running this app's tasks: Celery looks a task up in
    the thread's current app, which is otherwise the process's default app (another service's,
    when two in-process workers share the process)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.executor = ThreadPoolExecutor(max_workers=self.limit, initializer=self.app.set_current)


@asynccontextmanager
async def running_in_process(app: Celery, concurrency: int = 4) -> AsyncIterator[None]:
    use_event_loop(asyncio.get_running_loop())
    # A worker marks its process as one where waiting for a result would block a task; the
    # process is the host's again once the worker has gone (as celery.contrib.testing does).
    joins_blocked = celery_state.task_join_will_block()
    worker = WorkController(
        app=app,
        pool=AppThreadPool,
        concurrency=concurrency,
        hostname=f"{app.main}@embedded-{os.getpid()}",
        without_heartbeat=True,
        without_mingle=True,
        without_gossip=True,
    )
    thread = threading.Thread(target=worker.start, name=f"{app.main}-worker", daemon=True)
    thread.start()
    try:
        yield
    finally:
        hand_back_bodies()
        # Off the loop: the handed-back bodies finish on it meanwhile.
        await asyncio.to_thread(stop_in_process, worker, thread)
        await close_per_loop()
        use_event_loop(None)
        celery_state._set_task_join_will_block(joins_blocked)


def stop_in_process(worker: WorkController, thread: threading.Thread) -> None:
    """Stop the worker within STOP_SECONDS. Closing a Redis channel reads the answer to a
    pending BRPOP, which can block forever on a connection Redis no longer answers: its sockets
    are bounded first, and a stop that still hangs is left behind (its threads are daemons)."""
    connection = getattr(getattr(worker, "consumer", None), "connection", None)
    if connection is not None:
        bound_open_broker_sockets(connection, BROKER_SOCKET_SECONDS)
    stopper = threading.Thread(target=stop_quietly, args=(worker,), name="worker-stop", daemon=True)
    deadline = time.monotonic() + STOP_SECONDS
    stopper.start()
    stopper.join(STOP_SECONDS)
    thread.join(max(0.0, deadline - time.monotonic()))
    if stopper.is_alive() or thread.is_alive():
        logger.warning(
            "the in-process worker %s did not stop in %ss", worker.hostname, STOP_SECONDS
        )


def stop_quietly(worker: WorkController) -> None:
    try:
        worker.stop(in_sighandler=False)
    except Exception:
        logger.exception("the in-process worker %s failed to stop", worker.hostname)
