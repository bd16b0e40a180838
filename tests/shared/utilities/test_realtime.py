"""The socket services' Redis managers deliver an emit to the sockets a replica holds, skipping
the one named, with no data as python-socketio sends it."""

import os
from collections.abc import AsyncIterator

import pytest
import socketio

from shared.utilities.realtime import Socket, redis_manager
from tests.general_socket.clients import SocketClient

ROOM = "room:1"


@pytest.fixture
async def server(serve) -> AsyncIterator[tuple[socketio.AsyncServer, str]]:
    """A plain Socket.IO server on the test Redis, every client in ROOM."""
    sio = socketio.AsyncServer(
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
