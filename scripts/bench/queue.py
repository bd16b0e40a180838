"""The task runtime's cost against a bare Celery task, on one real worker and a real Redis, in
one run.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m scripts.bench.queue \
        [--tasks 2000] [--rounds 3] [--latency-tasks 1000] [--rate 100] [--events 500]

For each pool (prefork with one process per core, then threads) a new worker process is started
as compose starts it (`celery -A queue_manager worker`, on the benchmark's queue only), and two
tasks are measured on it: `bench.bare`, a plain Celery task (the queue alone: broker, ack,
result stored in Redis), and `bench.noop`, a no-op body in the task runtime (its claim taken in
Redis, its completed run inserted in MongoDB, an outbox, the result stored):

- tasks/s: `--tasks` tasks sent by name as fast as this process can, from the first send to
  the last result stored (the worker, not the sender, is the bottleneck); `--rounds` rounds,
  bare and noop alternating, the median of each, and noop as a share of bare;
- enqueue -> done latency: `--latency-tasks` tasks sent at `--rate` per second (well under the
  throughput, so no queue builds up), each from its send to its result being published by the
  result backend (a pub/sub message this process listens for), p50 and p99.

Without MONGO_URL the worker's MongoDB is mongomock in its memory; a completed run is one insert
on its primary key there as on a real MongoDB. The machine's load average is printed before and
after: the figures are only as quiet as the machine. Then webhook deliveries/s to a local
receiver (`scripts.bench.webhooks`, `--events` events). Not a test: it prints, asserts nothing.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import redis

from queue_manager.celery import app
from scripts.bench.harness import ROOT
from scripts.bench.queue_tasks import BARE, NOOP, QUEUE
from shared.utilities.tasks import TaskSender

RESULT_CHANNELS = "celery-task-meta-*"
SETTLE_SECONDS = 300  # the longest a run waits for its last result
CELERY_WORKER = [sys.executable, "-m", "celery", "-A", "queue_manager", "worker", "-l", "WARNING"]
POOLS = {
    "prefork": ["--pool=prefork", f"--concurrency={os.cpu_count() or 1}"],
    "threads": ["--pool=threads", "--concurrency=8"],
}


@contextmanager
def worker(pool_flags: list[str]) -> Iterator[None]:
    """A worker process on the benchmark's queue, answering ping before the run starts."""
    name = f"bench-{uuid.uuid4().hex[:8]}"
    flags = [f"--hostname={name}@%h", f"--queues={QUEUE}", "--include=scripts.bench.queue_tasks"]
    process = subprocess.Popen(
        [*CELERY_WORKER, *flags, *pool_flags],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(n.startswith(name) for n in app.control.inspect(timeout=1).ping() or {}):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the worker did not start")
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


@dataclass
class Results:
    """When each task's result was published, heard on the result backend's channels."""

    done_at: dict[str, float] = field(default_factory=dict)
    condition: threading.Condition = field(default_factory=threading.Condition)

    def listen(self, client: redis.Redis, stop: threading.Event) -> None:
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        pubsub.psubscribe(RESULT_CHANNELS)
        while not stop.is_set():
            message = pubsub.get_message(timeout=0.2)
            if message:
                task_id = message["channel"].decode().removeprefix("celery-task-meta-")
                with self.condition:
                    self.done_at[task_id] = time.perf_counter()
                    self.condition.notify_all()
        pubsub.close()

    def wait_for(self, task_ids: list[str]) -> float:
        """The time the last of them was done."""
        wanted = set(task_ids)
        with self.condition:
            finished = self.condition.wait_for(
                lambda: wanted <= self.done_at.keys(), timeout=SETTLE_SECONDS
            )
            if not finished:
                raise SystemExit(f"{len(wanted - self.done_at.keys())} tasks never finished")
            return max(self.done_at[task_id] for task_id in wanted)


@contextmanager
def listening() -> Iterator[Results]:
    results, stop = Results(), threading.Event()
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    listener = threading.Thread(target=results.listen, args=(client, stop), daemon=True)
    listener.start()
    time.sleep(0.5)  # subscribed before the first task can finish
    try:
        yield results
    finally:
        stop.set()
        listener.join()
        client.close()


def throughput(sender: TaskSender, results: Results, task: str, count: int) -> float:
    task_ids = [uuid.uuid4().hex for _ in range(count)]
    started = time.perf_counter()
    for task_id in task_ids:
        sender.send_now(task, {}, task_id)
    return count / (results.wait_for(task_ids) - started)


def latencies_ms(
    sender: TaskSender, results: Results, task: str, count: int, rate: float
) -> list[float]:
    sent_at: dict[str, float] = {}
    interval = 1 / rate
    next_send = time.perf_counter()
    for _ in range(count):
        time.sleep(max(0.0, next_send - time.perf_counter()))
        task_id = uuid.uuid4().hex
        sent_at[task_id] = time.perf_counter()
        sender.send_now(task, {}, task_id)
        next_send += interval
    results.wait_for(list(sent_at))
    return [(results.done_at[task_id] - sent) * 1000 for task_id, sent in sent_at.items()]


def percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


@dataclass
class PoolFigures:
    per_second: float  # the median of the rounds
    p50_ms: float
    p99_ms: float


def measure(pool_flags: list[str], arguments: argparse.Namespace) -> dict[str, PoolFigures]:
    """Both tasks on one new worker, in alternating rounds (bare, noop, bare, noop, ...), so a
    change in what else the machine runs weighs on both alike; the median round of each."""
    sender = TaskSender(os.environ["REDIS_URL"])
    rates: dict[str, list[float]] = {BARE: [], NOOP: []}
    try:
        with worker(pool_flags), listening() as results:
            for _ in range(arguments.rounds):
                for task in rates:
                    rates[task].append(throughput(sender, results, task, arguments.tasks))
            figures = {}
            for task, measured in rates.items():
                latencies = latencies_ms(
                    sender, results, task, arguments.latency_tasks, arguments.rate
                )
                figures[task] = PoolFigures(
                    statistics.median(measured),
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                )
    finally:
        sender.close()
    return figures


def print_pools(figures: dict[str, dict[str, PoolFigures]], arguments: argparse.Namespace) -> None:
    print(f"one worker, {os.cpu_count()} cores; rate: median of {arguments.rounds} rounds of")
    print(f"{arguments.tasks} no-op tasks, bare and noop alternating on the same worker;")
    print(f"{arguments.latency_tasks} sent at {arguments.rate:.0f}/s for enqueue -> done latency")
    print(f"{'task':<12} {'pool':<30} {'tasks/s':>8} {'vs bare':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for pool, by_task in figures.items():
        flags = " ".join(POOLS[pool]).replace("--", "")
        for task, row in by_task.items():
            ratio = row.per_second / by_task[BARE].per_second
            print(
                f"{task:<12} {flags:<30} {row.per_second:>8.0f} {ratio:>8.0%} "
                f"{row.p50_ms:>8.1f} {row.p99_ms:>8.1f}"
            )


def print_load(when: str) -> None:
    """How busy the machine was: the benchmark shares it."""
    one, five, fifteen = os.getloadavg()
    print(f"load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)")


def print_webhooks(events: int) -> None:
    # Here, at the end: it shares the worker's app and its settings with this process.
    from scripts.bench.webhooks import (
        allow_the_local_receiver,
        print_figures,
        webhook_deliveries_per_second,
    )

    allow_the_local_receiver(rate_per_endpoint=10_000)
    print_figures(asyncio.run(webhook_deliveries_per_second(events)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--latency-tasks", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--events", type=int, default=500)
    arguments = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("REDIS_URL is needed: the worker runs on a real Redis")
    print_load("before")
    figures = {pool: measure(flags, arguments) for pool, flags in POOLS.items()}
    print_pools(figures, arguments)
    print_webhooks(arguments.events)
    print_load("after")


if __name__ == "__main__":
    main()
