"""The conversation socket on a real port, on the test Redis and database, and clients that
connect to it as signed-in users."""

from collections.abc import AsyncIterator, Callable

import pytest

from conversation_socket.app import create_app
from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.redis import create_redis
from tests.conversation_socket.client import RecordingClient
from tests.factories import SignedIn, user_token

# Short, so a test waiting for an indicator to lapse waits little.
TYPING_TTL_SECONDS = 0.3


def socket_settings(**overrides) -> ConversationSocketSettings:
    return ConversationSocketSettings(**{"typing_ttl_seconds": TYPING_TTL_SECONDS, **overrides})


@pytest.fixture
async def socket_url(serve, mongo) -> AsyncIterator[str]:
    async with serve(create_app(socket_settings())) as url:
        yield url


@pytest.fixture
async def connect(socket_url) -> AsyncIterator[Callable]:
    """`await connect(signed_in, url=...)`: a connected RecordingClient for the user (on the
    test's socket service unless another URL is given), disconnected after the test."""
    clients: list[RecordingClient] = []

    async def open_for(signed_in: SignedIn, url: str | None = None) -> RecordingClient:
        client = RecordingClient()
        clients.append(client)
        await client.connect(url or socket_url, {"token": user_token(signed_in.state)})
        return client

    yield open_for
    for client in clients:
        await client.disconnect()


@pytest.fixture
async def redis() -> AsyncIterator:
    client = create_redis(socket_settings().redis_url)
    await client.delete("hooks")
    yield client
    await client.aclose()
