"""Webhooks on the queue manager's real worker (`worker`, tests/queue_manager/conftest.py) and
the test Redis: they may reach loopback, and retry at once."""

import asyncio
import ipaddress
import os
from collections.abc import Awaitable, Callable

import pytest

from queue_manager.celery import settings
from shared.utilities.outbox import Senders

RETRY_DELAYS = [0.2, 0.2]
WAIT_SECONDS = 30  # no test waits longer than this for the worker


@pytest.fixture(autouse=True)
def webhooks_reach_loopback(monkeypatch):
    """The receivers listen on 127.0.0.1; failed attempts are retried at once."""
    monkeypatch.setattr(settings, "webhook_allowed_networks", [ipaddress.ip_network("127.0.0.0/8")])
    monkeypatch.setattr(settings, "webhook_retry_delays_seconds", RETRY_DELAYS)


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
