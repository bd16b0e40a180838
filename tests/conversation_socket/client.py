"""A Socket.IO test client that keeps every event it receives, per event name, in order."""

import asyncio
from collections import defaultdict
from typing import Any

import socketio

TIMEOUT = 5


class RecordingClient:
    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.received: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)
        self.sio.on("*", self.record)

    async def record(self, event: str, data: Any = None) -> None:
        self.received[event].put_nowait(data)

    async def connect(self, url: str, auth: dict) -> None:
        await self.sio.connect(url, auth=auth, transports=["websocket"], wait_timeout=TIMEOUT)

    async def call(self, event: str, *data: Any) -> Any:
        """Send the event and return its acknowledgement."""
        payload = data[0] if len(data) == 1 else data or None
        return await self.sio.call(event, payload, timeout=TIMEOUT)

    async def next(self, event: str) -> Any:
        """The next `event` received (waiting for it if none has come yet)."""
        return await asyncio.wait_for(self.received[event].get(), TIMEOUT)

    def pending(self, event: str) -> int:
        return self.received[event].qsize()

    async def disconnect(self) -> None:
        await self.sio.disconnect()
