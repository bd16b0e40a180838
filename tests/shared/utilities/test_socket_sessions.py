"""Open sockets follow their session on every replica: logging out, revoking a session, a role
change, removal from the account and the account's suspension reach the user's sockets on two
conversation socket replicas at once (through the internal API's own routes, on one real
Redis); a socket opened with a token is checked again when the token expires."""

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from conversation_socket.app import create_app as create_socket
from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from shared.models.membership import ROLE_SCOPES, Role
from shared.utilities import session_events
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.realtime import Socket, conversation_room, user_room
from shared.utilities.redis import create_redis
from tests.conversation_socket.client import TIMEOUT, RecordingClient
from tests.conversation_socket.conftest import socket_settings
from tests.conversation_socket.factories import create_conversation
from tests.factories import (
    SignedIn,
    create_session,
    create_signed_in,
    create_sub_account,
    user_token,
)
from tests.general_socket.clients import emit_now
from tests.own_redis import needs_redis_server

# A token this short expires during the test (long enough to be still valid when a busy
# machine completes the handshake); the replica checks the socket within a second of expiry.
SHORT_SECONDS = 3


class FollowedClient(RecordingClient):
    """A recording client that also notes when the server closes it, and waits for what a
    short token's expiry brings."""

    def __init__(self) -> None:
        super().__init__()
        self.closed = asyncio.Event()
        self.sio.on("disconnect", lambda *_: self.closed.set())

    async def next(self, event: str) -> Any:
        return await asyncio.wait_for(self.received[event].get(), SHORT_SECONDS + TIMEOUT)

    async def wait_closed(self) -> None:
        await asyncio.wait_for(self.closed.wait(), SHORT_SECONDS + TIMEOUT)


@pytest.fixture
async def replicas(serve, mongo) -> AsyncIterator[list[str]]:
    """Two conversation socket replicas on the test Redis."""
    async with (
        serve(create_socket(socket_settings())) as first,
        serve(create_socket(socket_settings())) as second,
    ):
        yield [first, second]


@pytest.fixture
async def api(client_for, mongo) -> AsyncIterator:
    async with client_for(create_internal_api(InternalApiSettings())) as client:
        yield client


@pytest.fixture
async def redis() -> AsyncIterator:
    """The test Redis, where session events are published."""
    client = create_redis(socket_settings().redis_url)
    yield client
    await client.aclose()


@pytest.fixture
async def open_socket() -> AsyncIterator[Callable]:
    """`await open_socket(url, auth)`: a connected FollowedClient, closed after the test."""
    clients: list[FollowedClient] = []

    async def connect(url: str, auth: dict) -> FollowedClient:
        clients.append(FollowedClient())
        await clients[-1].connect(url, auth)
        return clients[-1]

    yield connect
    for client in clients:
        if client.sio.connected:
            await client.disconnect()


async def on_both(open_socket, replicas, signed_in: SignedIn) -> list[FollowedClient]:
    """The user's dashboard session open on each replica."""
    return [await open_socket(url, {"session_id": signed_in.session_id}) for url in replicas]


async def test_logging_out_closes_the_sessions_sockets_on_every_replica(api, replicas, open_socket):
    ada = await create_signed_in()
    sockets = await on_both(open_socket, replicas, ada)

    response = await api.post("/v1/auth/logout", headers=ada.headers)

    assert response.status_code == 204
    for socket in sockets:
        assert (await socket.next("session:ended"))["code"] == "session_ended"
        await socket.wait_closed()


async def test_revoking_one_session_leaves_the_users_other_sessions_open(
    api, replicas, open_socket
):
    ada = await create_signed_in()
    other_device = await create_session(ada.user, ada.account)
    revoked = await open_socket(replicas[0], {"session_id": ada.session_id})
    kept = await open_socket(replicas[1], {"session_id": other_device})

    await api.delete(f"/v1/auth/sessions/{ada.record.id}", headers=ada.headers)

    await revoked.wait_closed()
    assert (await kept.call("presence:list"))["ok"] is True
    assert kept.pending("session:ended") == 0


async def test_a_removed_member_is_disconnected_on_every_replica(api, replicas, open_socket):
    owner = await create_signed_in()
    bob = await create_signed_in(owner.account, Role.MEMBER)
    sockets = await on_both(open_socket, replicas, bob)

    response = await api.delete(f"/v1/accounts/members/{bob.user.id}", headers=owner.headers)

    assert response.status_code == 204
    for socket in sockets:
        assert (await socket.next("session:ended"))["code"] == "session_ended"
        await socket.wait_closed()


async def test_a_role_change_rescopes_the_users_sockets_on_every_replica(
    api, replicas, open_socket
):
    owner = await create_signed_in()
    bob = await create_signed_in(owner.account, Role.MEMBER)
    sockets = await on_both(open_socket, replicas, bob)

    response = await api.patch(
        f"/v1/accounts/members/{bob.user.id}", json={"role": "client"}, headers=owner.headers
    )

    assert response.status_code == 200
    for socket in sockets:
        assert await socket.next("session:refreshed") == {
            "role": "client",
            "scopes": ROLE_SCOPES[Role.CLIENT],
        }
        assert socket.sio.connected


async def test_a_member_who_may_no_longer_read_conversations_leaves_them_on_every_replica(
    replicas, open_socket, redis
):
    owner = await create_signed_in()
    bob = await create_signed_in(owner.account, Role.MEMBER)
    channel = await create_conversation(owner.account)
    sockets = await on_both(open_socket, replicas, bob)
    for socket in sockets:
        await socket.call("conversation:join", {"conversation_id": str(channel.id)})

    await bob.membership.set({"scopes": ["account:read"]})
    await session_events.membership_changed(redis, bob.user.id, owner.account.id)
    for socket in sockets:
        await socket.next("session:refreshed")
    url = socket_settings().redis_url
    await emit_now(url, Socket.CONVERSATION, "message:new", {}, conversation_room(channel.id))
    # Sent after the message on the same channel, so it arrives after it on each socket.
    await emit_now(url, Socket.CONVERSATION, "test:marker", {}, user_room(bob.user.id))

    for socket in sockets:
        await socket.next("test:marker")
        assert socket.pending("message:new") == 0
        assert socket.sio.connected


async def test_a_token_socket_whose_session_was_revoked_ends_when_the_token_expires(
    replicas, open_socket
):
    ada = await create_signed_in()
    token = user_token(ada.state, lifetime_seconds=SHORT_SECONDS)
    socket = await open_socket(replicas[0], {"token": token})

    # Revoked in the database alone: no event reaches the replica, only the token's expiry.
    await ada.record.set({"revoked_at": ada.record.created_at})

    assert (await socket.next("session:ended"))["code"] == "session_ended"
    await socket.wait_closed()


async def test_a_token_socket_on_a_live_session_goes_on_with_its_scopes_read_again(
    replicas, open_socket
):
    ada = await create_signed_in(role=Role.MEMBER)
    token = user_token(ada.state, lifetime_seconds=SHORT_SECONDS)
    socket = await open_socket(replicas[0], {"token": token})
    await ada.membership.set({"scopes": ["conversations:read"]})

    refreshed = await socket.next("session:refreshed")
    refused = await socket.call("message:send", {"conversation_id": "0" * 24, "body": "hi"})

    assert refreshed["scopes"] == ["conversations:read"]
    assert refused["error"]["code"] == "forbidden"
    assert socket.sio.connected


async def test_a_token_without_a_session_ends_when_it_expires(replicas, open_socket):
    principal = Principal(kind=TokenKind.USER, sub="api-client", account_id="0" * 24)
    token = user_token(principal, lifetime_seconds=SHORT_SECONDS)
    socket = await open_socket(replicas[0], {"token": token})

    assert (await socket.next("session:ended"))["code"] == "token_expired"
    await socket.wait_closed()


@needs_redis_server
async def test_a_replica_back_from_a_redis_outage_checks_its_sockets(
    own_redis, serve, mongo, open_socket
):
    ada = await create_signed_in()
    async with serve(create_socket(socket_settings(redis_url=own_redis.url))) as url:
        socket = await open_socket(url, {"session_id": ada.session_id})

        await own_redis.stop()
        # Revoked while the replica could not hear about it.
        await ada.record.set({"revoked_at": ada.record.created_at})
        await own_redis.start()

        assert (await socket.next("session:ended"))["code"] == "session_ended"
        await socket.wait_closed()


async def test_suspending_a_sub_account_closes_the_sockets_acting_in_it_on_every_replica(
    api, replicas, open_socket
):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    member = await create_signed_in(client, Role.MEMBER)
    sockets = await on_both(open_socket, replicas, member)
    agency_socket = await open_socket(replicas[0], {"session_id": owner.session_id})

    response = await api.post(
        f"/v1/accounts/sub-accounts/{client.id}/suspend", headers=owner.headers
    )

    assert response.status_code == 200
    for socket in sockets:
        assert (await socket.next("session:ended"))["code"] == "account_suspended"
        await socket.wait_closed()
    assert (await agency_socket.call("presence:list"))["ok"] is True
