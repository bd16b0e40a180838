"""The sockets benchmark's clients: each client process connects its share of users to the
channel (spread over the replicas), and counts what they receive of each phase.

Every message's body is `<phase>:<sent at, ns since the epoch>`: `warmup` (not measured),
`paced` (its latency is measured per delivery) and `burst` (counted, with the last receipt's
time).

The receiving users are one of two kinds of client (`LISTENERS`): python-socketio's own
`AsyncClient`, or a bare websocket speaking Engine.IO 4 / Socket.IO 5 itself (what a browser
tab's client does on the wire: open, connect with `auth`, join, answer pings, read events),
which reads a delivery for about a third of the CPU, so that on a small machine the clients
leave the cores to the servers they measure.
"""

import asyncio
import json
import logging
import multiprocessing
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event
from typing import Any, Protocol

import aiohttp
import socketio
import uvloop
from beanie import PydanticObjectId

from shared.utilities.auth import Principal, TokenKind
from tests.factories import user_token

# Connections opened at once per client process.
CONNECT_CONCURRENCY = 20
# A user token for the whole run (the conversation socket checks a socket again when its
# token expires; a benchmark token belongs to no session).
TOKEN_SECONDS = 3600


def token_for(account_id: str) -> str:
    principal = Principal(
        kind=TokenKind.USER,
        sub=str(PydanticObjectId()),
        account_id=account_id,
        scopes=["conversations:read", "conversations:write"],
    )
    return user_token(principal, lifetime_seconds=TOKEN_SECONDS)


async def joined_client(url: str, account_id: str, conversation_id: str) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(
        url, auth={"token": token_for(account_id)}, transports=["websocket"], wait_timeout=60
    )
    ack = await client.call("conversation:join", {"conversation_id": conversation_id}, timeout=60)
    if not ack.get("ok"):
        raise SystemExit(f"join refused: {ack}")
    return client


OnMessage = Callable[[dict[str, Any]], None]
OnDrop = Callable[[], None]


class Listener(Protocol):
    async def close(self) -> None: ...


class SocketioListener:
    """A user on python-socketio's client."""

    def __init__(self, client: socketio.AsyncClient, on_message: OnMessage, on_drop: OnDrop):
        self.client = client
        client.on("message:new", on_message)
        client.on("disconnect", lambda *_: on_drop())

    @classmethod
    async def joined(
        cls, url: str, share: "Share", session: aiohttp.ClientSession, on: tuple[OnMessage, OnDrop]
    ) -> "SocketioListener":
        return cls(await joined_client(url, share.account_id, share.conversation_id), *on)

    async def close(self) -> None:
        await self.client.disconnect()


class WebsocketListener:
    """A user on a bare websocket, speaking the protocol itself: `0` opens, `40` connects to
    the main namespace (`44` refuses), `42<id>[...]` sends an event that `43<id>[...]`
    acknowledges, `2` is the server's ping and `3` its answer."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, on: tuple[OnMessage, OnDrop]):
        self.ws = ws
        self.closing = False
        self.reading = asyncio.create_task(self.read(*on))

    @classmethod
    async def joined(
        cls, url: str, share: "Share", session: aiohttp.ClientSession, on: tuple[OnMessage, OnDrop]
    ) -> "WebsocketListener":
        address = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        ws = await session.ws_connect(address, autoping=True, compress=0, max_msg_size=0)
        await cls.expect(ws, "0")
        await ws.send_str("40" + json.dumps({"token": token_for(share.account_id)}))
        await cls.expect(ws, "40")
        join = ["conversation:join", {"conversation_id": share.conversation_id}]
        await ws.send_str("421" + json.dumps(join))
        ack = json.loads((await cls.expect(ws, "431"))[3:])[0]
        if not ack.get("ok"):
            raise SystemExit(f"join refused: {ack}")
        return cls(ws, on)

    @staticmethod
    async def expect(ws: aiohttp.ClientWebSocketResponse, prefix: str) -> str:
        """The next packet but events (the account's presence, which the socket hears from
        its first moment), which must start with `prefix`; pings meanwhile answered."""
        while (packet := await ws.receive_str(timeout=60)) == "2" or packet.startswith("42"):
            if packet == "2":
                await ws.send_str("3")
        if not packet.startswith(prefix):
            raise SystemExit(f"expected {prefix!r}, the server sent {packet[:200]!r}")
        return packet

    async def read(self, on_message: OnMessage, on_drop: OnDrop) -> None:
        async for frame in self.ws:
            if frame.type is not aiohttp.WSMsgType.TEXT:
                break
            if frame.data == "2":
                await self.ws.send_str("3")
            elif frame.data.startswith('42["message:new"'):
                on_message(json.loads(frame.data[2:])[1])
        if not self.closing:
            on_drop()

    async def close(self) -> None:
        self.closing = True
        await self.ws.close()
        await self.reading


Joined = Callable[
    [str, "Share", aiohttp.ClientSession, tuple[OnMessage, OnDrop]], Awaitable[Listener]
]
LISTENERS: dict[str, Joined] = {
    "websocket": WebsocketListener.joined,
    "socketio": SocketioListener.joined,
}


@dataclass
class Receipts:
    """What one client process saw: latencies (ms) of the paced messages, and the burst's
    delivery count and last receipt time (ns since the epoch)."""

    latencies_ms: list[float] = field(default_factory=list)
    burst_deliveries: int = 0
    burst_last_ns: int = 0
    dropped: int = 0  # connections the server closed before the end


@dataclass(frozen=True)
class Share:
    """One client process's part of the run."""

    urls: list[str]
    clients: int
    account_id: str
    conversation_id: str
    expected: int  # messages each client should receive
    patience_seconds: float
    listener: str = "websocket"  # a key of LISTENERS


async def receive(share: Share, ready: multiprocessing.Queue, start: Event) -> Receipts:
    receipts = Receipts()
    done = asyncio.Event()
    remaining = share.clients * share.expected

    def on_message(data: dict[str, Any]) -> None:
        nonlocal remaining
        now = time.time_ns()
        phase, sent_ns = data["body"].split(":")
        if phase == "paced":
            receipts.latencies_ms.append((now - int(sent_ns)) / 1e6)
        elif phase == "burst":
            receipts.burst_deliveries += 1
            receipts.burst_last_ns = now
        remaining -= 1
        if remaining == 0:
            done.set()

    def on_drop() -> None:
        receipts.dropped += 1

    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    joined = LISTENERS[share.listener]
    # A connection per listener: the pool's default limit would hold all but 100 back.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def connect(index: int) -> Listener:
            async with gate:
                url = share.urls[index % len(share.urls)]
                return await joined(url, share, session, (on_message, on_drop))

        listeners = await asyncio.gather(*(connect(index) for index in range(share.clients)))
        ready.put(share.clients)
        await asyncio.get_running_loop().run_in_executor(None, start.wait)
        with suppress(TimeoutError):  # what never came is counted as lost
            await asyncio.wait_for(done.wait(), share.patience_seconds)
        ready.put("done")  # before the disconnects, whose work is not the run's
        dropped_before_the_end = receipts.dropped
        await asyncio.gather(*(listener.close() for listener in listeners))
    receipts.dropped = dropped_before_the_end
    return receipts


def client_process(
    share: Share,
    ready: multiprocessing.Queue,
    start: Event,
    results: multiprocessing.Queue,
) -> None:
    # Each disconnect at the end would otherwise log its closing queue.
    for name in ("engineio.client", "socketio.client"):
        logging.getLogger(name).setLevel(logging.ERROR)
    results.put(uvloop.run(receive(share, ready, start)))


async def send(
    url: str,
    account_id: str,
    conversation_id: str,
    phases: list[tuple[str, int, float]],
    at_phase_end: Callable[[str], Awaitable[None]],
) -> int:
    """Each phase's (name, messages, seconds between them), one after the other; each
    message acknowledged (so stored) before the next. `at_phase_end` is called after each.
    Returns when the last phase started (ns since the epoch)."""
    sender = await joined_client(url, account_id, conversation_id)
    started = 0
    for phase, messages, interval in phases:
        started = time.time_ns()
        for _ in range(messages):
            payload = {"conversation_id": conversation_id, "body": f"{phase}:{time.time_ns()}"}
            ack = await sender.call("message:send", payload, timeout=60)
            if not ack.get("ok"):
                raise SystemExit(f"send refused: {ack}")
            if interval:
                await asyncio.sleep(interval)
        await at_phase_end(phase)
    await sender.disconnect()
    return started
