"""The sockets benchmark's clients: each client process connects its share of users to the
channel (spread over the replicas), and counts what they receive of each phase.

Every message's body is `<phase>:<sent at, ns since the epoch>`: `warmup` (not measured),
`paced` (its latency is measured per delivery) and `burst` (counted, with the last receipt's
time).
"""

import asyncio
import logging
import multiprocessing
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event

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


async def receive(share: Share, ready: multiprocessing.Queue, start: Event) -> Receipts:
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def connect(index: int) -> socketio.AsyncClient:
        async with gate:
            url = share.urls[index % len(share.urls)]
            return await joined_client(url, share.account_id, share.conversation_id)

    clients = await asyncio.gather(*(connect(index) for index in range(share.clients)))
    receipts = Receipts()
    done = asyncio.Event()
    remaining = share.clients * share.expected

    def on_message(data: dict) -> None:
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

    def on_drop(*_: object) -> None:
        receipts.dropped += 1

    for client in clients:
        client.on("message:new", on_message)
        client.on("disconnect", on_drop)
    ready.put(share.clients)
    await asyncio.get_running_loop().run_in_executor(None, start.wait)
    with suppress(TimeoutError):  # what never came is counted as lost
        await asyncio.wait_for(done.wait(), share.patience_seconds)
    ready.put("done")  # before the disconnects, whose work is not the run's
    dropped_before_the_end = receipts.dropped
    await asyncio.gather(*(client.disconnect() for client in clients))
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
