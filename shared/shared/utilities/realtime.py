"""Emitting to the socket services' rooms from any process, without HTTP and without importing
them: Socket.IO's write-only Redis manager publishes on the socket service's channel, and every
replica of that service delivers to the clients it holds.

Each socket service has its own channel, so one Redis serves both without crosstalk. Rooms are
named here, once, for the socket services and every process that emits to them.
"""

import asyncio
import contextlib
import logging
from enum import StrEnum
from typing import Any

import socketio
from engineio import exceptions as engine_exceptions
from engineio import packet as engine_packet
from engineio.async_socket import AsyncSocket
from redis.asyncio import Redis
from socketio import packet as socket_packet

from shared.utilities import redis as redis_utils
from shared.utilities import tracing
from shared.utilities.socket_metrics import count_emit

# How long a starting socket service waits for its subscription before serving without it
# (Redis away: the library keeps retrying, and subscribes once Redis is back).
SUBSCRIBE_TIMEOUT_SECONDS = 10

logger = logging.getLogger(__name__)


class Socket(StrEnum):
    """A socket service, by the Redis channel its replicas share."""

    GENERAL = "general_socket"
    CONVERSATION = "conversation_socket"


def account_room(account_id: Any) -> str:
    return f"account:{account_id}"


def user_room(user_id: Any) -> str:
    return f"user:{user_id}"


def conversation_room(conversation_id: Any) -> str:
    return f"conversation:{conversation_id}"


# Every dashboard user's socket on the general socket: the platform's announcements.
PLATFORM_ROOM = "platform"


def presence_key(account_id: Any) -> str:
    """The conversation socket's count of open sockets per user of the account (a hash)."""
    return f"conversation:presence:{account_id}"


async def is_online(redis: Redis, account_id: Any, user_id: Any) -> bool:
    """Whether the user has a socket open in the account, on any replica."""
    return int(await redis.hget(presence_key(account_id), str(user_id)) or 0) > 0


def named_in(room: str, kind: str) -> str | None:
    """The id a room of this kind ("account", "user", "conversation") is named for; None for
    a room of another kind."""
    prefix, _, named = room.partition(":")
    return named if prefix == kind and named else None


class RoomFanOut:
    """How a replica delivers an emit to the sockets it holds (for the Redis managers below):
    the packet encoded once and handed to each socket's queue in turn, where python-socketio
    makes an asyncio task per recipient and waits on them all, a tenth of a replica's CPU when
    a room holds hundreds of sockets (py-spy, `scripts/bench/sockets.py`). Emits expecting an
    acknowledgement, or carrying binary data, go the library's way."""

    rooms: dict
    server: Any

    async def _publish(self, data: Any) -> Any:
        # The emitter's trace goes with the message (W3C traceparent), for the replicas.
        if isinstance(data, dict) and data.get("method") == "emit":
            tracing.inject(data)
        return await super()._publish(data)  # type: ignore[misc]  # the manager's own

    async def _handle_emit(self, message: dict[str, Any]) -> None:
        with tracing.continued(message, f"emit {message.get('event')}"):
            await self.fan_out(message)

    async def fan_out(self, message: dict[str, Any]) -> None:
        if message.get("callback") or message.get("binary"):
            count_emit(self.server, message.get("namespace") or "/", message["event"], 0)
            await super()._handle_emit(message)  # type: ignore[misc]  # the manager's own
            return
        namespace = message.get("namespace") or "/"
        if namespace not in self.rooms:
            return
        packets = self.encoded(namespace, message["event"], message["data"])
        recipients = self.recipients(namespace, message.get("room"), message.get("skip_sid"))
        count_emit(self.server, namespace, message["event"], len(recipients))
        for eio_sid in recipients:
            for eio_packet in packets:
                await self.server._send_eio_packet(eio_sid, eio_packet)

    def recipients(self, namespace: str, room: Any, skip: Any) -> list[str]:
        skipped = set(skip) if isinstance(skip, list) else {skip}
        # The Redis manager this mixes into has it; the mixin does not name its base.
        participants = self.get_participants(namespace, room)  # type: ignore[attr-defined]
        return [eio_sid for sid, eio_sid in participants if sid not in skipped]

    def encoded(self, namespace: str, event: str, data: list[Any]) -> list[engine_packet.Packet]:
        """The Engine.IO packets of the event (one, unless the payload has attachments)."""
        arguments = [] if data == [None] else data  # an emit of no data
        message = self.server.packet_class(
            socket_packet.EVENT, namespace=namespace, data=[event, *arguments]
        )
        encoded = message.encode()
        parts = encoded if isinstance(encoded, list) else [encoded]
        return [engine_packet.Packet(engine_packet.MESSAGE, part) for part in parts]


class QuickPollSocket(AsyncSocket):
    """Engine.IO's socket, its writer waiting for the next packets without a timer per wait.

    The library bounds every wait of a socket's writer (one per packet sent) with
    `asyncio.wait_for`, which on Python 3.11 runs each wait as a task of its own: a fifth of a
    replica's CPU when it fans out to hundreds of sockets; `asyncio.timeout` in its place still
    costs a tenth, arming and cancelling a timer each time (py-spy, `scripts/bench/sockets.py`).
    On a websocket the bound is not needed: the socket's reader queues the end marker whenever
    it stops, and it stops on its own timeout when the client is gone. A long-polling request
    has no such reader and keeps the library's wait. What it returns is the library's: the
    packets queued, none once the socket is closing."""

    async def poll(self) -> list[engine_packet.Packet]:
        if not self.upgraded:  # a long-polling request
            return await super().poll()
        try:
            first = await self.queue.get()
        except asyncio.CancelledError:
            raise engine_exceptions.QueueEmpty() from None
        self.queue.task_done()
        if first is None:  # the socket is closing
            return []
        packets = [first]
        while not self.queue.empty():
            queued = self.queue.get_nowait()
            self.queue.task_done()
            if queued is None:  # closing after these: left for the next poll
                self.queue.put_nowait(None)
                break
            packets.append(queued)
        return packets


class SocketServer(socketio.AsyncServer):
    """Socket.IO's server, its Engine.IO sockets waiting for packets as `QuickPollSocket` does."""

    manager_initialized: bool  # the library's

    @property
    def subscribed(self) -> bool:
        return bool(self.manager.pubsub and self.manager.pubsub.subscribed)

    async def subscribe(self) -> None:
        """Start hearing the emits published for this socket service now, and return once
        subscribed. The library subscribes in the background on the first connection, so an
        event emitted as soon as that client's connect was answered could be published before
        the subscription and lost. The SUBSCRIBE is sent before any client can connect, a
        handshake's round trips ahead of any emit meant for one."""
        if not self.manager_initialized:
            self.manager_initialized = True
            self.manager.initialize()
        try:
            async with asyncio.timeout(SUBSCRIBE_TIMEOUT_SECONDS):
                while not self.subscribed:  # noqa: ASYNC110 (the library sets no event)
                    await asyncio.sleep(0.01)
        except TimeoutError:
            logger.warning("serving before the %s channel is subscribed", self.manager.channel)

    async def unsubscribe(self) -> None:
        """Stop hearing the channel and close the manager's Redis client: the library's
        listener outlives the server otherwise."""
        listener: asyncio.Task | None = getattr(self.manager, "thread", None)
        if listener is None:
            return
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
        if self.manager.pubsub:
            await self.manager.pubsub.aclose()
            await self.manager.redis.aclose()

    async def _handle_eio_connect(self, eio_sid: str, environ: dict) -> Any:
        # Engine.IO makes each socket itself and has no hook for its class; the socket is new
        # and its writer has not started (it starts once this event has been handled).
        self.eio.sockets[eio_sid].__class__ = QuickPollSocket
        return await super()._handle_eio_connect(eio_sid, environ)


class RedisManager(RoomFanOut, socketio.AsyncRedisManager):
    """Socket.IO's Redis manager, delivering to this replica's sockets with `RoomFanOut`."""


class InProcessRedisManager(RoomFanOut, socketio.AsyncRedisManager):
    """The Redis manager on the in-process Redis substitute, for embedded mode without Redis."""

    def _redis_connect(self) -> None:
        self.redis = redis_utils.in_process_redis()
        self.pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
        self.connected = True


def redis_manager(
    redis_url: str, socket: Socket, *, write_only: bool = False
) -> socketio.AsyncRedisManager:
    if not redis_url:
        return InProcessRedisManager(channel=socket.value, write_only=write_only)
    return RedisManager(redis_url, channel=socket.value, write_only=write_only)


class SocketEmitter:
    """Publishes events for a socket service's rooms; connects on first use."""

    def __init__(self, redis_url: str) -> None:
        self.managers = {
            socket: redis_manager(redis_url, socket, write_only=True) for socket in Socket
        }

    async def emit(self, socket: Socket, event: str, data: Any, room: str) -> None:
        await self.managers[socket].emit(event, data, room=room)
