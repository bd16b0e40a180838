"""The general socket on a real port, and clients of it."""

from collections.abc import AsyncIterator, Callable

import pytest

from general_socket.app import create_app
from general_socket.settings import GeneralSocketSettings
from shared.utilities.redis import create_redis
from tests.general_socket.clients import SocketClient

DASHBOARD = "http://127.0.0.1:5000"
SITE = "https://shop.example.com"


@pytest.fixture
def settings() -> GeneralSocketSettings:
    return GeneralSocketSettings()


@pytest.fixture(autouse=True)
async def fresh_visitor_counters(settings) -> None:
    """Every test client connects from 127.0.0.1: the per-address counters of live chat's
    throttle start from zero in each test instead of adding up across the suite."""
    redis = create_redis(settings.redis_url)
    counters = [key async for key in redis.scan_iter("live_chat:*")]
    if counters:
        await redis.delete(*counters)
    await redis.aclose()


@pytest.fixture
async def socket_url(serve, mongo) -> AsyncIterator[str]:
    async with serve(create_app(GeneralSocketSettings())) as url:
        yield url


@pytest.fixture
async def new_client() -> AsyncIterator[Callable[[], SocketClient]]:
    """`new_client()`: a client, disconnected after the test."""
    clients: list[SocketClient] = []

    def make() -> SocketClient:
        clients.append(SocketClient())
        return clients[-1]

    yield make
    for client in clients:
        await client.disconnect()


@pytest.fixture
def connect(socket_url, new_client) -> Callable:
    """`await connect(auth, origin=...)`: a connected client; fails the test when refused."""

    async def connected(auth, origin: str | None = None) -> SocketClient:
        client = new_client()
        refusal = await client.connect(socket_url, auth, origin)
        assert refusal is None, refusal
        return client

    return connected


@pytest.fixture
def refusal(socket_url, new_client) -> Callable:
    """`await refusal(auth, origin=...)`: the `connect_error` payload of a refused handshake."""

    async def refused(auth, origin: str | None = None):
        result = await new_client().connect(socket_url, auth, origin)
        assert result is not None, "the connection was accepted"
        return result

    return refused
