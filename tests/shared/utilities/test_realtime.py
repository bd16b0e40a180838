"""The socket services' Redis managers deliver an emit to the sockets a replica holds, skipping
the one named, with no data as python-socketio sends it; their server's sockets send what is
queued for them in order, up to a close."""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import pytest
import socketio

from shared.utilities.realtime import RedisManager, Socket, SocketServer, redis_manager
from shared.utilities.redis import create_redis
from tests.general_socket.clients import SocketClient

ROOM = "room:1"


@pytest.fixture
async def server(serve) -> AsyncIterator[tuple[socketio.AsyncServer, str]]:
    """The socket services' server on the test Redis, every client in ROOM."""
    sio = SocketServer(
        async_mode="asgi", client_manager=redis_manager(os.environ["REDIS_URL"], Socket.GENERAL)
    )

    @sio.event
    async def connect(sid: str, environ: dict, auth: object = None) -> None:
        await sio.enter_room(sid, ROOM)

    async with serve(socketio.ASGIApp(sio)) as url:
        yield sio, url


@pytest.fixture
async def two_clients(server) -> AsyncIterator[list[SocketClient]]:
    _, url = server
    clients = [SocketClient(), SocketClient()]
    for client in clients:
        assert await client.connect(url) is None
    yield clients
    for client in clients:
        await client.disconnect()


async def test_an_emit_to_a_room_skips_the_socket_named(server, two_clients):
    sio, _ = server
    sender, other = two_clients

    await sio.emit("note", {"n": 1}, room=ROOM, skip_sid=sender.sid)

    assert await other.next("note") == {"n": 1}
    assert sender.got("note") == []


async def test_an_emit_without_data_arrives_without_an_argument(server, two_clients):
    sio, _ = server
    _, other = two_clients

    await sio.emit("bare", room=ROOM)

    assert await other.next("bare") is None


async def test_emits_in_a_row_arrive_in_order(server, two_clients):
    sio, _ = server
    _, other = two_clients

    for n in range(50):
        await sio.emit("note", {"n": n}, room=ROOM)

    assert [await other.next("note") for _ in range(50)] == [{"n": n} for n in range(50)]


async def test_a_socket_the_server_closes_gets_what_was_sent_to_it_before(server, two_clients):
    sio, _ = server
    _, other = two_clients
    closed = asyncio.Event()
    other.sio.on("disconnect", lambda *_: closed.set())

    for n in range(3):
        await sio.emit("note", {"n": n}, to=other.sid, ignore_queue=True)
    await sio.disconnect(other.sid, ignore_queue=True)

    assert [await other.next("note") for _ in range(3)] == [{"n": n} for n in range(3)]
    await asyncio.wait_for(closed.wait(), 5)


async def test_a_server_is_subscribed_before_any_client_connects_and_unsubscribes_after():
    channel = f"test-{uuid.uuid4().hex}"
    sio = SocketServer(
        async_mode="asgi", client_manager=RedisManager(os.environ["REDIS_URL"], channel=channel)
    )
    redis = create_redis(os.environ["REDIS_URL"])

    await sio.subscribe()
    subscribed = await redis.pubsub_numsub(channel)
    await sio.unsubscribe()
    left = await redis.pubsub_numsub(channel)
    await redis.aclose()

    assert (subscribed, left) == ([(channel, 1)], [(channel, 0)])
