"""The queue manager's Celery app on a real worker in this process (solo pool, sharing the test
database, bodies on the test's event loop) and the test Redis."""

import asyncio

import pytest
from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app
from shared.utilities.worker import use_event_loop


@pytest.fixture
async def worker(mongo):
    # Tasks left queued by earlier tests (events their requests published) are not this one's.
    app.control.purge()
    use_event_loop(asyncio.get_running_loop())
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
        yield
    use_event_loop(None)
