"""Outgoing webhooks of a suspended account pause on a real worker and Redis: its events'
deliveries are held, not sent and not lost, and sent once the account is reactivated (by the
retry cron, as beat would run it)."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.domain.accounts import lifecycle
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.events import publish_event
from shared.utilities.outbox import Senders, collecting
from shared.utilities.redis import create_redis
from tests.factories import create_account, create_sub_account
from tests.queue_manager.queues.conftest import WAIT_SECONDS, eventually
from tests.queue_manager.webhooks.factories import Receiver, create_delivery, create_subscription


@pytest.fixture
async def redis():
    client = create_redis(os.environ["REDIS_URL"])
    yield client
    await client.aclose()


async def suspended_client() -> Account:
    return await create_sub_account(await create_account(), status=AccountStatus.SUSPENDED)


async def delivery_in(subscription: WebhookSubscription, status: DeliveryStatus) -> None:
    async def reached() -> bool:
        found = await WebhookDelivery.find_one({"subscription_id": subscription.id})
        return found is not None and found.status is status

    await eventually(reached)


async def send_due_retries(senders: Senders) -> int:
    """The retry cron run as beat would run it, once it has queued what was due: how many."""
    task_id = await senders.tasks.send("webhook_retries.send_due", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_an_event_of_a_suspended_account_is_held_and_not_sent(worker, senders, serve):
    client = await suspended_client()
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscription = await create_subscription(client, url=f"{url}/hooks")
        async with collecting(senders):
            publish_event(client.id, "contact.created", {"id": "c1"})

        await delivery_in(subscription, DeliveryStatus.HELD)
        queued = await send_due_retries(senders)

    assert queued == 0
    assert receiver.received == []


async def test_held_events_are_sent_once_the_account_is_reactivated(worker, senders, serve, redis):
    client = await suspended_client()
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscription = await create_subscription(client, url=f"{url}/hooks")
        async with collecting(senders):
            event_id = publish_event(client.id, "contact.created", {"id": "c1"})
        await delivery_in(subscription, DeliveryStatus.HELD)

        await lifecycle.reactivate(redis, client)
        queued = await send_due_retries(senders)
        await delivery_in(subscription, DeliveryStatus.DELIVERED)

    assert queued == 1
    [received] = receiver.received
    assert received.headers["webhook-id"] == event_id


async def test_a_retry_that_comes_due_while_suspended_is_held_then_sent_on_reactivation(
    worker, senders, serve, redis
):
    client = await create_sub_account(await create_account())
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscription = await create_subscription(client, url=f"{url}/hooks")
        failed = DeliveryAttempt(
            at=utc_now() - timedelta(minutes=2), response_code=500, duration_ms=3
        )
        due = utc_now() - timedelta(minutes=1)
        delivery = await create_delivery(subscription, attempts=[failed], next_attempt_at=due)
        await lifecycle.suspend(redis, client)

        await send_due_retries(senders)
        await delivery_in(subscription, DeliveryStatus.HELD)
        held_for = len(receiver.received)
        await lifecycle.reactivate(redis, client)
        await send_due_retries(senders)
        await delivery_in(subscription, DeliveryStatus.DELIVERED)

    assert held_for == 0
    stored = await WebhookDelivery.get(delivery.id)
    assert [attempt.response_code for attempt in stored.attempts] == [500, 200]
