"""A redis-server of the test's own on a free port, for tests that stop and restart Redis
without touching anybody else's; and a log handler to read what the services logged."""

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from tests.fixtures import free_port

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed"
)


class RedisServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *("redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"),
            stdout=asyncio.subprocess.DEVNULL,
        )
        client = aioredis.Redis.from_url(self.url)
        while True:
            try:
                await client.ping()
                break
            except aioredis.ConnectionError:
                await asyncio.sleep(0.05)
        await client.aclose()

    async def stop(self) -> None:
        self.process.terminate()
        await self.process.wait()


class RecordingHandler(logging.Handler):
    """Keeps the records of the logger it is added to (the app's logging setup replaces the
    root handlers that pytest's caplog relies on)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
async def own_redis() -> AsyncIterator[RedisServer]:
    server = RedisServer()
    await server.start()
    yield server
    await server.stop()
