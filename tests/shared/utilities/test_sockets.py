"""Socket handshakes: a live session or a valid user token connects, anything else is refused
with a reason the client can read."""

from collections.abc import AsyncIterator, Callable

import pytest
import socketio
from asgi_lifespan import LifespanManager

from conversation_socket.app import create_app
from conversation_socket.events import register_events
from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.realtime import Socket
from shared.utilities.redis import create_redis
from shared.utilities.sessions import forget, hash_session_id
from shared.utilities.sockets import create_socket_service
from tests.factories import create_signed_in, user_token


@pytest.fixture
async def socket_url(serve, mongo) -> AsyncIterator[str]:
    async with serve(create_app(ConversationSocketSettings())) as url:
        yield url


@pytest.fixture
async def connect(socket_url) -> AsyncIterator[Callable]:
    """`await connect(auth, origin=None)`: None once connected, else the `connect_error`
    payload."""
    clients: list[socketio.AsyncClient] = []

    async def attempt(auth: dict | None, origin: str | None = None) -> dict | None:
        client = socketio.AsyncClient(reconnection=False)
        clients.append(client)
        refusals: list[dict] = []
        client.on("connect_error", refusals.append)
        headers = {"Origin": origin} if origin else {}
        try:
            await client.connect(
                socket_url, auth=auth, headers=headers, transports=["websocket"], wait_timeout=5
            )
        except socketio.exceptions.ConnectionError:
            return refusals[0]
        return None

    yield attempt
    for client in clients:
        await client.disconnect()


async def test_a_live_session_id_connects(connect):
    signed_in = await create_signed_in()

    assert await connect({"session_id": signed_in.session_id}) is None


async def test_a_valid_user_token_connects(connect):
    signed_in = await create_signed_in()

    assert await connect({"token": user_token(signed_in.state)}) is None


async def test_a_handshake_without_credentials_is_refused_with_a_reason(connect):
    refusal = await connect(None)

    assert refusal["data"] == {"code": "unauthorized"}
    assert "session_id" in refusal["message"]


async def test_an_unknown_session_is_refused(connect):
    refusal = await connect({"session_id": "not-a-session"})

    assert refusal["message"] == "The session is unknown, expired or revoked."


async def test_a_revoked_session_is_refused(connect):
    signed_in = await create_signed_in()
    await signed_in.record.set({"revoked_at": signed_in.record.created_at})
    redis = create_redis(ConversationSocketSettings().redis_url)
    await forget(redis, hash_session_id(signed_in.session_id))
    await redis.aclose()

    refusal = await connect({"session_id": signed_in.session_id})

    assert refusal["data"] == {"code": "unauthorized"}


async def test_a_forged_token_is_refused(connect):
    refusal = await connect({"token": "eyJhbGciOiJub25lIn0.e30."})

    assert refusal["message"] == "The token is not valid."


async def test_a_visitor_token_cannot_open_a_user_socket(connect):
    visitor = Principal(kind=TokenKind.VISITOR, sub="visitor-1", account_id="a1")

    refusal = await connect({"token": user_token(visitor)})

    assert refusal["message"] == "A user token is required."


async def test_the_dashboards_origin_connects(connect):
    signed_in = await create_signed_in()
    dashboard = ConversationSocketSettings().cors_origins[0]

    assert await connect({"session_id": signed_in.session_id}, origin=dashboard) is None


async def test_another_origin_is_refused_with_the_reason_both_sockets_give(connect):
    signed_in = await create_signed_in()

    refusal = await connect({"session_id": signed_in.session_id}, origin="https://evil.example")

    assert refusal == {
        "message": "Sockets may not be opened from https://evil.example.",
        "data": {"code": "origin_not_allowed"},
    }


async def test_a_socket_service_is_subscribed_to_its_channel_while_it_runs(mongo):
    sio, api = create_socket_service(
        ConversationSocketSettings(), Socket.CONVERSATION, title="Conversation socket"
    )
    register_events(sio, api)  # as conversation_socket's app does

    async with LifespanManager(api):
        running = sio.subscribed

    assert (running, sio.subscribed, sio.manager.thread.done()) == (True, False, True)
