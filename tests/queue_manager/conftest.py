"""The queue manager's Celery app on a real worker in this process (solo pool, sharing the test
database, bodies on the test's event loop) and the test Redis."""

import pytest

from queue_manager.celery import app
from tests.worker_in_process import worker_on_this_loop


@pytest.fixture
async def worker(mongo):
    async with worker_on_this_loop(app):
        yield
