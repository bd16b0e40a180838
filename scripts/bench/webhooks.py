"""Outgoing webhook deliveries per second to a local receiver, measured in one run.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m scripts.bench.webhooks [--events 500]

A receiver (uvicorn, its own process, answering 204 to every POST) stands in for a customer's
endpoint on 127.0.0.1 (allowed for the run through WEBHOOK_ALLOWED_NETWORKS). One account has
one endpoint subscribed to `contact.created`. Two figures:

- sender only: `deliver()` called back to back in this process (sign, POST through the
  checked-address transport, log the attempt): the ceiling the Celery path adds to;
- through the queues: `--events` events published as a service publishes them, each fanned out
  by `hooks.dispatch` and delivered by `webhook.deliver` on one real Celery worker (solo pool, in
  this process, sharing its database) on the real Redis at REDIS_URL; from the first publish to
  the last delivery logged as delivered.

MongoDB is the in-memory one unless MONGO_URL is set. Not a test: it prints, asserts nothing.
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
    endpoint = await create_subscription(await create_account(), url=url)
    deliveries = [await create_delivery(endpoint) for _ in range(count)]
    box = secret_box(settings)
    started = time.perf_counter()
    for delivery in deliveries:
        # A client per delivery, as the task makes one.
        async with webhook_client(settings) as client:
            await deliver(str(delivery.id), client, box, settings.webhook_retry_delays_seconds)
    return count / (time.perf_counter() - started)


async def through_the_queues(url: str, count: int) -> float:
    """Deliveries per second from the first event published to the last delivery logged."""
    account = await create_account()
    await create_subscription(account, url=url)
    delivered = {"account_id": account.id, "status": DeliveryStatus.DELIVERED}
    senders = Senders.for_redis(settings.redis_url)
    use_event_loop(asyncio.get_running_loop())
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            started = time.perf_counter()
            async with collecting(senders):
                for number in range(count):
                    publish_event(account.id, "contact.created", {"number": number})
            async with asyncio.timeout(SETTLE_SECONDS):
                while await WebhookDelivery.find(delivered).count() < count:  # noqa: ASYNC110
                    await asyncio.sleep(0.01)
            return count / (time.perf_counter() - started)
    finally:
        use_event_loop(None)
        senders.close()


async def webhook_deliveries_per_second(count: int) -> dict[str, float]:
    """Both figures, on a database connected here and a receiver started here."""
    await db.connect(os.environ.get("MONGO_URL", ""), initiator="bench", database="bench_webhooks")
    try:
        with receiver() as url:
            return {
                "sender only": await sender_only(url, count),
                "through hooks.dispatch + webhook.deliver, 1 worker": await through_the_queues(
                    url, count
                ),
            }
    finally:
        await db.disconnect("bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=500)
    arguments = parser.parse_args()
    if not settings.redis_url:
        raise SystemExit("REDIS_URL is needed: the worker runs on a real Redis")
    # The receiver listens on 127.0.0.1, which webhooks may not reach unless allowed.
    settings.webhook_allowed_networks = [ipaddress.ip_network("127.0.0.0/8")]
    figures = asyncio.run(webhook_deliveries_per_second(arguments.events))
    print(f"{'webhook deliveries to a local receiver':<56} {'per s':>8}")
    for name, per_second in figures.items():
        print(f"{name:<56} {per_second:>8.0f}")


if __name__ == "__main__":
    main()
