"""A Socket.IO test client that records what it receives, and ways to wait for it."""

import asyncio
from collections import defaultdict
from typing import Any

import socketio

from shared.utilities.outbox import Senders, collecting, emit
from shared.utilities.realtime import Socket

WAIT_SECONDS = 10
MARKER = "test:marker"


class SocketClient:
    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.received: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)
        self.refusals: list[Any] = []
        self.sio.on("connect_error", self.refusals.append)
        self.sio.on("*", lambda event, data=None: self.received[event].put_nowait(data))

    async def connect(self, url: str, auth: Any = None, origin: str | None = None) -> Any:
        """None once connected, else the `connect_error` payload."""
        headers = {"Origin": origin} if origin else {}
        try:
            await self.sio.connect(
                url, auth=auth, headers=headers, transports=["websocket"], wait_timeout=5
            )
        except socketio.exceptions.ConnectionError:
            return self.refusals[0]
        return None

    @property
    def sid(self) -> str:
        return self.sio.get_sid()

    async def call(self, event: str, data: Any = None) -> Any:
        """The event's acknowledgement; a tuple `data` is sent as several arguments."""
        return await self.sio.call(event, data, timeout=WAIT_SECONDS)

    async def next(self, event: str) -> Any:
        return await asyncio.wait_for(self.received[event].get(), WAIT_SECONDS)

    def got(self, event: str) -> list[Any]:
        """What has arrived of the event so far, taken off its queue."""
        queue = self.received[event]
        return [queue.get_nowait() for _ in range(queue.qsize())]

    async def settle(self, redis_url: str) -> None:
        """Wait until everything emitted before now on the general socket has been delivered:
        a marker sent to this client alone arrives after it (one Redis channel, in order)."""
        await emit_now(redis_url, Socket.GENERAL, MARKER, {}, self.sid)
        await self.next(MARKER)

    async def disconnect(self) -> None:
        await self.sio.disconnect()


async def emit_now(redis_url: str, socket: Socket, event: str, data: Any, room: str) -> None:
    """What any process does to reach a socket's room: the outbox's write-only Redis manager."""
    senders = Senders.for_redis(redis_url)
    try:
        async with collecting(senders):
            emit(socket, event, data, room)
    finally:
        senders.close()
