"""The general socket's `/metrics`: the sockets it holds, their rooms, and the emits it
delivered (from any process, through Redis)."""

import httpx

from shared.utilities.realtime import Socket, user_room
from tests.factories import create_signed_in
from tests.general_socket.clients import emit_now
from tests.metrics_scrape import scrape, value


async def test_connected_sockets_and_their_rooms_are_exported(connect, socket_url):
    me = await create_signed_in()
    await connect({"session_id": me.session_id})

    async with httpx.AsyncClient(base_url=socket_url) as client:
        exposition = await scrape(client)

    assert value(exposition, "socket_connections", namespace="/") == 1
    # The user's room, the account's and the platform's.
    assert value(exposition, "socket_rooms", namespace="/") >= 3


async def test_an_emit_delivered_is_counted_with_the_sockets_it_reached(
    connect, socket_url, settings
):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})
    await emit_now(settings.redis_url, Socket.GENERAL, "ping", {"n": 1}, user_room(me.user.id))
    await client.next("ping")

    async with httpx.AsyncClient(base_url=socket_url) as http:
        exposition = await scrape(http)

    assert value(exposition, "socket_emits_total", namespace="/", event="ping") == 1
    assert value(exposition, "socket_deliveries_total", namespace="/") >= 1
