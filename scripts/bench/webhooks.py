"""Outgoing webhook deliveries per second to a local receiver, measured in one run.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m scripts.bench.webhooks [--events 500]

A receiver (uvicorn, its own process, answering 204 to every POST) stands in for a customer's
endpoint on 127.0.0.1 (allowed for the run through WEBHOOK_ALLOWED_NETWORKS). One account has
one endpoint subscribed to `contact.created`. Two figures:

- sender only (the baseline): `deliver()` called back to back in this process on one pooled
  client, as a worker holds it (load the delivery and its endpoint, sign, POST through the
  checked-address transport, record the attempt in one write): the ceiling the Celery path adds
  to;
- through the queues: `--events` events published as a service publishes them (all queued
  first: in production the publishers are other processes), then each fanned out by
  `hooks.dispatch` (which makes the first attempt itself while the endpoint's pace allows) on
  one real Celery worker (threads pool x8, in this process, sharing its database; its bodies
  interleave on one event loop) on the real Redis at REDIS_URL; from the first attempt to the
  last, as the deliveries recorded them.

Each figure starts on empty delivery and task-run collections. The endpoint's pace is raised
for the run (`--rate-per-endpoint`, default 10,000/s) so what is measured is the sender; pacing
still books each delivery's slot in Redis. MongoDB is the in-memory one unless MONGO_URL is set:
every query there scans the whole collection, so the figures fall as it grows. Not a test: it
prints, asserts nothing.
`webhook_deliveries_per_second` gives both figures to other benchmarks (scripts/bench/queue.py).
"""

import argparse
import asyncio
import ipaddress
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app, settings
from queue_manager.webhooks.delivery import deliver
from queue_manager.webhooks.sending import webhook_client
from queue_manager.webhooks.signing import secret_box
from scripts.bench.harness import ROOT, wait_until_healthy
from shared.models.task_run import TaskRun
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.utilities import db
from shared.utilities.events import publish_event
from shared.utilities.outbox import Senders, collecting
from shared.utilities.worker import use_event_loop
from tests.factories import create_account
from tests.fixtures import free_port
from tests.queue_manager.webhooks.factories import create_delivery, create_subscription

RECEIVER_APP = "scripts.bench.webhook_receiver:app"
SETTLE_SECONDS = 120  # the longest the run waits for its last delivery
POLL_SECONDS = 0.1  # how often the run counts deliveries (a scan of the in-memory collection)


@contextmanager
def receiver() -> Iterator[str]:
    """The customer's endpoint in its own process; yields its URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", RECEIVER_APP, "--port", str(port)]
    process = subprocess.Popen([*command, "--log-level", "warning"], cwd=ROOT)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", process)
        yield f"http://127.0.0.1:{port}/hooks"
    finally:
        process.terminate()
        process.wait(timeout=10)


async def sender_only(url: str, count: int) -> float:
    """Deliveries per second of `deliver()` alone, one after the other."""
    await empty_collections()
    endpoint = await create_subscription(await create_account(), url=url)
    deliveries = [await create_delivery(endpoint) for _ in range(count)]
    box = secret_box(settings)
    async with webhook_client(settings) as client:
        started = time.perf_counter()
        for delivery in deliveries:
            await deliver(str(delivery.id), client, box, settings.webhook_retry_delays_seconds)
        return count / (time.perf_counter() - started)


async def empty_collections() -> None:
    await WebhookDelivery.delete_all()
    await TaskRun.delete_all()


async def through_the_queues(url: str, count: int) -> float:
    """Deliveries per second one worker makes of events already queued (the services that
    publish them are other processes): from its first attempt to its last, as recorded."""
    await empty_collections()
    account = await create_account()
    await create_subscription(account, url=url)
    delivered = {"account_id": account.id, "status": DeliveryStatus.DELIVERED}
    senders = Senders.for_redis(settings.redis_url)
    app.control.purge()  # tasks an interrupted run left are not this run's
    async with collecting(senders):
        for number in range(count):
            publish_event(account.id, "contact.created", {"number": number})
    senders.close()
    use_event_loop(asyncio.get_running_loop())
    running = start_worker(
        app, pool="threads", concurrency=8, perform_ping_check=False, shutdown_timeout=30
    )
    running.__enter__()
    try:
        async with asyncio.timeout(SETTLE_SECONDS):
            while await WebhookDelivery.find(delivered).count() < count:  # noqa: ASYNC110
                await asyncio.sleep(POLL_SECONDS)
    finally:
        # Stopped off this loop, which a body still running needs.
        await asyncio.to_thread(running.__exit__, None, None, None)
        use_event_loop(None)
    attempts = [d.attempts[0].at for d in await WebhookDelivery.find(delivered).to_list()]
    return (count - 1) / (max(attempts) - min(attempts)).total_seconds()


async def webhook_deliveries_per_second(count: int) -> dict[str, float]:
    """Both figures, on a database connected here and a receiver started here."""
    await db.connect(os.environ.get("MONGO_URL", ""), initiator="bench", database="bench_webhooks")
    try:
        with receiver() as url:
            return {
                "sender only (baseline)": await sender_only(url, count),
                "through hooks.dispatch, 1 worker": await through_the_queues(url, count),
            }
    finally:
        await db.disconnect("bench")


def allow_the_local_receiver(rate_per_endpoint: float) -> None:
    """The receiver listens on 127.0.0.1, which webhooks may not reach unless allowed; its pace
    is the run's."""
    settings.webhook_allowed_networks = [ipaddress.ip_network("127.0.0.0/8")]
    settings.webhook_rate_per_endpoint = rate_per_endpoint
    settings.webhook_burst_per_endpoint = int(rate_per_endpoint)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--rate-per-endpoint", type=float, default=10_000)
    arguments = parser.parse_args()
    if not settings.redis_url:
        raise SystemExit("REDIS_URL is needed: the worker runs on a real Redis")
    allow_the_local_receiver(arguments.rate_per_endpoint)
    figures = asyncio.run(webhook_deliveries_per_second(arguments.events))
    print_figures(figures)


def print_figures(figures: dict[str, float]) -> None:
    baseline = next(iter(figures.values()))
    print(f"{'webhook deliveries to a local receiver':<48} {'per s':>8} {'vs sender':>10}")
    for name, per_second in figures.items():
        print(f"{name:<48} {per_second:>8.0f} {per_second / baseline:>10.0%}")


if __name__ == "__main__":
    main()
