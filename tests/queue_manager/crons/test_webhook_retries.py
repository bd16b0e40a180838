"""The retry cron sends each pending delivery whose next attempt has come due, once, and leaves
the others alone; the worker then makes the attempt."""

import os
import uuid
from datetime import timedelta
from ipaddress import ip_network

import anyio
import pytest

from queue_manager.celery import app, settings
from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.queue_manager.queues.conftest import eventually
from tests.queue_manager.webhooks.factories import Receiver, create_delivery, create_subscription

WAIT_SECONDS = 30


@pytest.fixture(autouse=True)
def receivers_on_loopback_are_reachable(monkeypatch):
    monkeypatch.setattr(settings, "webhook_allowed_networks", [ip_network("127.0.0.0/8")])


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def sweep(sender: TaskSender) -> int:
    task_id = await sender.send("webhook_retries.send_due", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


def failed_once(seconds_ago: float) -> dict:
    at = utc_now() - timedelta(seconds=seconds_ago)
    return {
        "attempts": [DeliveryAttempt(at=at, response_code=500, duration_ms=3)],
        "next_attempt_at": at + timedelta(seconds=60),
    }


async def test_a_due_retry_is_attempted_and_one_not_due_is_left(worker, sender, serve):
    owner = await create_signed_in()
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks")
        due = await create_delivery(subscription, **failed_once(seconds_ago=120))
        later = await create_delivery(subscription, **failed_once(seconds_ago=1))

        queued = await sweep(sender)

        async def delivered() -> bool:
            found = await WebhookDelivery.get(due.id)
            return found.status is DeliveryStatus.DELIVERED

        await eventually(delivered)

    assert queued == 1
    assert [attempt.response_code for attempt in (await WebhookDelivery.get(due.id)).attempts] == [
        500,
        200,
    ]
    assert (await WebhookDelivery.get(later.id)).status is DeliveryStatus.PENDING


async def test_two_sweeps_before_the_attempt_runs_make_it_once(worker, sender, serve):
    owner = await create_signed_in()
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks")
        due = await create_delivery(subscription, **failed_once(seconds_ago=120))

        await sweep(sender)
        await sweep(sender)

        async def settled() -> bool:
            return (await WebhookDelivery.get(due.id)).status is not DeliveryStatus.PENDING

        await eventually(settled)

    assert len(receiver.received) == 1


async def test_a_retry_paced_past_now_is_not_due_again_before_its_slot(
    worker, sender, serve, monkeypatch
):
    monkeypatch.setattr(settings, "webhook_rate_per_endpoint", 0.1)  # one every 10 s
    monkeypatch.setattr(settings, "webhook_burst_per_endpoint", 1)
    owner = await create_signed_in()
    async with serve(Receiver().app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks")
        await create_delivery(subscription, **failed_once(seconds_ago=130))
        second = await create_delivery(subscription, **failed_once(seconds_ago=120))

        queued = await sweep(sender)

    assert queued == 2
    paced = await WebhookDelivery.get(second.id)
    assert paced.status is DeliveryStatus.PENDING
    assert paced.next_attempt_at > utc_now() + timedelta(seconds=5)
