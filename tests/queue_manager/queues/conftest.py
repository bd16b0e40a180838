"""The queue manager's own Celery app on a real worker (in this process, solo pool, so it shares
the test database) and the test Redis; webhooks may reach loopback, and retry at once."""

import asyncio
import ipaddress
import os
from collections.abc import Awaitable, Callable

import pytest
from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app, settings
from shared.utilities.outbox import Senders
from shared.utilities.worker import use_event_loop

RETRY_DELAYS = [0.2, 0.2]
WAIT_SECONDS = 30  # no test waits longer than this for the worker


@pytest.fixture
async def worker(mongo, monkeypatch):
    monkeypatch.setattr(settings, "webhook_allowed_networks", [ipaddress.ip_network("127.0.0.0/8")])
    monkeypatch.setattr(settings, "webhook_retry_delays_seconds", RETRY_DELAYS)
    # Tasks left queued by earlier tests (events their requests published) are not this one's.
    app.control.purge()
    use_event_loop(asyncio.get_running_loop())
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
        yield
    use_event_loop(None)


@pytest.fixture
def senders():
    """What a service publishing events sends its outbox with."""
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    yield senders
    senders.close()


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    """Wait (yielding to the worker's bodies on this loop) until `check()` holds."""
    async with asyncio.timeout(WAIT_SECONDS):
        while not await check():  # noqa: ASYNC110 (the database has no event to wait on)
            await asyncio.sleep(0.05)
