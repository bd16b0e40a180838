"""Redis going away and coming back does not take the conversation socket down: connected
clients stay connected, the service keeps answering, and once Redis is back the replicas'
listener has resubscribed and messages are delivered again.

The test runs its own redis-server on a free port, so restarting it touches nobody else."""

import asyncio
import logging

import httpx

from conversation_socket.app import create_app
from tests.conversation_socket.client import RecordingClient
from tests.conversation_socket.conftest import socket_settings
from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in, user_token
from tests.own_redis import RecordingHandler, needs_redis_server

# How many messages to send, one at a time, until one is delivered after the restart: the
# listener retries after 1 s, then 2 s, ... so a few suffice.
ATTEMPTS = 20

pytestmark = needs_redis_server


async def test_the_service_survives_a_redis_restart_and_delivers_after_it(own_redis, serve, mongo):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    payload = {"conversation_id": str(channel.id)}
    ada_socket, bob_socket = RecordingClient(), RecordingClient()
    app = create_app(socket_settings(redis_url=own_redis.url))
    logged = RecordingHandler()
    logging.getLogger("socketio.server").addHandler(logged)
    async with serve(app) as url:
        for socket, who in ((ada_socket, ada), (bob_socket, bob)):
            await socket.connect(url, {"token": user_token(who.state)})
            await socket.call("conversation:join", payload)

        await own_redis.stop()
        await own_redis.start()
        delivered = None
        for attempt in range(ATTEMPTS):
            ack = await ada_socket.call("message:send", {**payload, "body": f"try {attempt}"})
            try:
                delivered = await asyncio.wait_for(bob_socket.next("message:new"), 1)
                break
            except TimeoutError:
                continue
        async with httpx.AsyncClient(base_url=url) as http:
            health = await http.get("/health")

        assert ack["ok"] is True
        assert delivered is not None
        assert (ada_socket.sio.connected, bob_socket.sio.connected) == (True, True)
        assert health.status_code == 200
        assert any("Cannot receive from redis" in r.getMessage() for r in logged.records)
        for socket in (ada_socket, bob_socket):
            await socket.disconnect()
    logging.getLogger("socketio.server").removeHandler(logged)
