"""Redis going away and coming back does not take the general socket down: connected clients
stay connected, events are still answered, the retry is logged, and once the listener has
resubscribed an emit from another process reaches its room again.

The test runs its own redis-server on a free port, so restarting it touches nobody else."""

import asyncio
import logging

import httpx

from general_socket.app import create_app
from general_socket.settings import GeneralSocketSettings
from shared.utilities.realtime import Socket, user_room
from tests.factories import create_signed_in, user_token
from tests.general_socket.clients import SocketClient, emit_now
from tests.own_redis import RecordingHandler, needs_redis_server

# Emits to try, one at a time, until one is delivered after the restart: the listener retries
# after 1 s, then 2 s, ... so a few suffice.
ATTEMPTS = 20

pytestmark = needs_redis_server


async def test_the_general_socket_survives_a_redis_restart_and_delivers_after_it(
    own_redis, serve, mongo
):
    me = await create_signed_in()
    socket = SocketClient()
    logged = RecordingHandler()
    logging.getLogger("socketio.server").addHandler(logged)
    app = create_app(GeneralSocketSettings(redis_url=own_redis.url))
    async with serve(app) as url:
        await socket.connect(url, {"token": user_token(me.state)})

        await own_redis.stop()
        await own_redis.start()
        delivered = None
        for attempt in range(ATTEMPTS):
            await emit_now(
                own_redis.url, Socket.GENERAL, "ping", {"n": attempt}, user_room(me.user.id)
            )
            try:
                delivered = await asyncio.wait_for(socket.next("ping"), 1)
                break
            except TimeoutError:
                continue
        answer = await socket.call("subscribe", {"account_id": str(me.account.id)})
        async with httpx.AsyncClient(base_url=url) as http:
            health = await http.get("/health")

        assert delivered is not None
        assert socket.sio.connected is True
        assert answer["ok"] is True
        assert health.status_code == 200
        assert any("Cannot receive from redis" in r.getMessage() for r in logged.records)
        await socket.disconnect()
    logging.getLogger("socketio.server").removeHandler(logged)


async def test_a_session_is_checked_in_mongodb_so_it_connects_while_redis_is_down(
    own_redis, serve, mongo
):
    """The sockets hold no key to trust Redis's cached session states with: they read the
    session from MongoDB, which a Redis outage does not touch."""
    me = await create_signed_in()
    socket = SocketClient()
    async with serve(create_app(GeneralSocketSettings(redis_url=own_redis.url))) as url:
        await own_redis.stop()
        try:
            refusal = await socket.connect(url, {"session_id": me.session_id})
            await socket.disconnect()
        finally:
            await own_redis.start()

    assert refusal is None
