"""Emitting to the socket services' rooms from any process, without HTTP and without importing
them: Socket.IO's write-only Redis manager publishes on the socket service's channel, and every
replica of that service delivers to the clients it holds.

Each socket service has its own channel, so one Redis serves both without crosstalk. Rooms are
named here, once, for the socket services and every process that emits to them.
"""

from enum import StrEnum
from typing import Any

import socketio

from shared.utilities import redis as redis_utils


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


def named_in(room: str, kind: str) -> str | None:
    """The id a room of this kind ("account", "user", "conversation") is named for; None for
    a room of another kind."""
    prefix, _, named = room.partition(":")
    return named if prefix == kind and named else None


class InProcessRedisManager(socketio.AsyncRedisManager):
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
    return socketio.AsyncRedisManager(redis_url, channel=socket.value, write_only=write_only)


class SocketEmitter:
    """Publishes events for a socket service's rooms; connects on first use."""

    def __init__(self, redis_url: str) -> None:
        self.managers = {
            socket: redis_manager(redis_url, socket, write_only=True) for socket in Socket
        }

    async def emit(self, socket: Socket, event: str, data: Any, room: str) -> None:
        await self.managers[socket].emit(event, data, room=room)
