"""Fan-out of the conversation socket across replicas, measured in one run.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m scripts.bench.sockets \
        [--clients 100 1000] [--messages 100] [--rate 2000] [--burst 50]

Starts two conversation socket replicas as their own processes on the real Redis at
REDIS_URL, connects N clients (each a user of one account) to one channel, spread evenly over
both replicas from two client processes, and one sender on the first replica. Then:

- latency: after a few warm-up messages, `--messages` messages paced to offer `--rate`
  deliveries per second (one message every clients/rate seconds: 50 ms for 100 clients,
  500 ms for 1,000), so the figure is the fan-out's own latency rather than a queue's; for
  every delivery, the time from the sender's emit to the client's receipt (p50, p99);
- throughput: `--burst` messages sent back to back (each acknowledged, so stored, before the
  next); deliveries per second from the first send to the last receipt.

Client and server processes share the machine's cores, so the figures include the clients'
own decoding. Lost deliveries and connections the server dropped (none expected) are counted.
"""

import argparse
import asyncio
import logging
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass

import socketio
from beanie import PydanticObjectId

from scripts.bench.harness import ROOT, wait_until_healthy
from shared.utilities.auth import Principal, TokenKind
from tests.factories import user_token
from tests.fixtures import free_port

CLIENT_PROCESSES = 2
# Sent first and not measured: a fresh replica's first message also opens its connections
# (the Celery broker's, the database's) and would stand for a cold start, not fan-out.
WARM_UP_MESSAGES = 5
CONNECT_CONCURRENCY = 20
# The longest a client process waits for the last message, beyond the time the deliveries
# would take at SLOWEST_DELIVERIES_PER_SECOND.
SETTLE_SECONDS = 30
SLOWEST_DELIVERIES_PER_SECOND = 1000


@contextmanager
def replica(port: int, account_id: str, conversation_id: str) -> Iterator[str]:
    environment = {**os.environ, "LOG_LEVEL": "WARNING"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scripts.bench.socket_replica",
            str(port),
            account_id,
            conversation_id,
        ],
        cwd=ROOT,
        env=environment,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def token_for(account_id: str) -> str:
    principal = Principal(
        kind=TokenKind.USER,
        sub=str(PydanticObjectId()),
        account_id=account_id,
        scopes=["conversations:read", "conversations:write"],
    )
    return user_token(principal)


async def joined_client(url: str, account_id: str, conversation_id: str) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(
        url, auth={"token": token_for(account_id)}, transports=["websocket"], wait_timeout=30
    )
    ack = await client.call("conversation:join", {"conversation_id": conversation_id}, timeout=30)
    if not ack.get("ok"):
        raise SystemExit(f"join refused: {ack}")
    return client


@dataclass
class Receipts:
    """What one client process saw: latencies (ms) of the paced messages, and the burst's
    delivery count and last receipt time (ns since the epoch)."""

    latencies_ms: list[float]
    burst_deliveries: int
    burst_last_ns: int
    dropped: int  # connections the server closed before the end


async def receive(
    urls: list[str],
    count: int,
    account_id: str,
    conversation_id: str,
    expected: int,
    ready: multiprocessing.Queue,
    start: multiprocessing.Event,
) -> Receipts:
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)

    async def connect(index: int) -> socketio.AsyncClient:
        async with gate:
            return await joined_client(urls[index % len(urls)], account_id, conversation_id)

    clients = await asyncio.gather(*(connect(index) for index in range(count)))
    receipts = Receipts([], 0, 0, 0)
    done = asyncio.Event()
    remaining = count * expected

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
    ready.put(count)
    await asyncio.get_running_loop().run_in_executor(None, start.wait)
    patience = SETTLE_SECONDS + count * CLIENT_PROCESSES * expected / SLOWEST_DELIVERIES_PER_SECOND
    with suppress(TimeoutError):  # what never came is counted as lost
        await asyncio.wait_for(done.wait(), patience)
    dropped_before_the_end = receipts.dropped
    await asyncio.gather(*(client.disconnect() for client in clients))
    receipts.dropped = dropped_before_the_end
    return receipts


def client_process(*args) -> None:
    # Each disconnect at the end would otherwise log its closing queue.
    for name in ("engineio.client", "socketio.client"):
        logging.getLogger(name).setLevel(logging.ERROR)
    results: multiprocessing.Queue = args[-1]
    results.put(asyncio.run(receive(*args[:-1])))


async def send(
    url: str, account_id: str, conversation_id: str, messages: int, interval: float, burst: int
) -> int:
    """Paced messages, then the burst; returns the burst's start (ns since the epoch)."""
    sender = await joined_client(url, account_id, conversation_id)

    async def one(phase: str) -> None:
        payload = {"conversation_id": conversation_id, "body": f"{phase}:{time.time_ns()}"}
        ack = await sender.call("message:send", payload, timeout=30)
        if not ack.get("ok"):
            raise SystemExit(f"send refused: {ack}")

    for _ in range(WARM_UP_MESSAGES):
        await one("warmup")
        await asyncio.sleep(interval)
    for _ in range(messages):
        await one("paced")
        await asyncio.sleep(interval)
    burst_started = time.time_ns()
    for _ in range(burst):
        await one("burst")
    await sender.disconnect()
    return burst_started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_one(clients: int, args: argparse.Namespace) -> None:
    # The channel lives in each replica's own memory: a fresh pair of replicas per run.
    account_id, conversation_id = str(PydanticObjectId()), str(PydanticObjectId())
    context = multiprocessing.get_context("spawn")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    expected = WARM_UP_MESSAGES + args.messages + args.burst
    shares = [
        clients // CLIENT_PROCESSES + (i < clients % CLIENT_PROCESSES)
        for i in range(CLIENT_PROCESSES)
    ]
    with ExitStack() as stack:
        ports = [free_port(), free_port()]
        urls = [stack.enter_context(replica(port, account_id, conversation_id)) for port in ports]
        workers = [
            context.Process(
                target=client_process,
                args=(
                    urls[i % 2 :] + urls[: i % 2],
                    share,
                    account_id,
                    conversation_id,
                    expected,
                    ready,
                    start,
                    results,
                ),
            )
            for i, share in enumerate(shares)
        ]
        for worker in workers:
            worker.start()
        for _ in workers:
            ready.get(timeout=300)
        start.set()
        interval = clients / args.rate
        burst_started = asyncio.run(
            send(urls[0], account_id, conversation_id, args.messages, interval, args.burst)
        )
        receipts = [results.get() for _ in workers]
        for worker in workers:
            worker.join()
    latencies = [ms for r in receipts for ms in r.latencies_ms]
    burst_deliveries = sum(r.burst_deliveries for r in receipts)
    burst_seconds = (max(r.burst_last_ns for r in receipts) - burst_started) / 1e9
    lost = clients * (args.messages + args.burst) - len(latencies) - burst_deliveries
    dropped = sum(r.dropped for r in receipts)
    print(
        f"{clients:>7} {len(latencies):>10} {percentile(latencies, 0.5):>8.1f} "
        f"{percentile(latencies, 0.99):>8.1f} {statistics.mean(latencies):>8.1f} "
        f"{burst_deliveries / burst_seconds:>14.0f} {lost:>6} {dropped:>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--rate", type=float, default=2000, help="deliveries/s offered, paced")
    parser.add_argument("--burst", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    print(
        f"two replicas on {os.environ['REDIS_URL']}, {CLIENT_PROCESSES} client processes, "
        f"{args.messages} messages paced at {args.rate:.0f} deliveries/s, then {args.burst} "
        "back to back"
    )
    print(
        f"{'clients':>7} {'deliveries':>10} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} "
        f"{'burst deliv/s':>14} {'lost':>6} {'dropped':>8}"
    )
    for clients in args.clients:
        run_one(clients, args)


if __name__ == "__main__":
    main()
