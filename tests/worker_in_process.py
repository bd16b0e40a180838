"""A service's real Celery worker in the test process: solo pool, its task bodies on the test's
event loop and database, the test Redis as its broker."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from celery import Celery
from celery.contrib.testing.worker import start_worker

from shared.utilities.worker import use_event_loop
from shared.utilities.worker.resources import close_per_loop


@asynccontextmanager
async def worker_on_this_loop(app: Celery) -> AsyncIterator[None]:
    """Tasks queued before it starts (events earlier tests published) are not its test's:
    purged. The clients its bodies keep on this loop were made with the settings of the test
    that ran them, so they go when it stops; the loop serves the tests that come next."""
    app.control.purge()
    use_event_loop(asyncio.get_running_loop())
    running = start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20)
    running.__enter__()
    try:
        yield
    finally:
        # Stopped off this loop: a task the worker took meanwhile runs its body on this loop,
        # and would wait for it forever if the loop waited here.
        await asyncio.to_thread(running.__exit__, None, None, None)
        await close_per_loop()
        use_event_loop(None)
