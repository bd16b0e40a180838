"""The queue manager's Celery app on a real worker in this process (solo pool, sharing the test
database, bodies on the test's event loop) and the test Redis."""

import asyncio

import pytest
from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app
from shared.utilities.worker import use_event_loop
from shared.utilities.worker.resources import close_per_loop


@pytest.fixture
async def worker(mongo):
    # Tasks left queued by earlier tests (events their requests published) are not this one's.
    app.control.purge()
    use_event_loop(asyncio.get_running_loop())
    running = start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20)
    running.__enter__()
    try:
        yield
    finally:
        # Stopped off this loop: a task the worker took meanwhile (an event a run published)
        # runs its body on this loop, and would wait for it forever if the loop waited here.
        await asyncio.to_thread(running.__exit__, None, None, None)
        # The clients the bodies kept on this loop (made with this test's settings) go with it.
        await close_per_loop()
        use_event_loop(None)
