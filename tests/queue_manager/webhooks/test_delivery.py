"""One attempt at a time: delivered on 2xx, retried after the configured delays otherwise, and
after the last one the endpoint switched off and the account's admins notified."""

import json
from contextlib import asynccontextmanager

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from queue_manager.settings import QueueManagerSettings
from queue_manager.webhooks.delivery import Retry, deliver
from queue_manager.webhooks.sending import webhook_client
from shared.models.account import Account
from shared.models.membership import Role
from shared.models.notification import Notification
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.outbox import Senders, collecting
from shared.utilities.realtime import Socket
from shared.utilities.signatures import verify_timestamped_hmac
from tests.factories import create_account, create_membership, create_user
from tests.fixtures import free_port
from tests.queue_manager.webhooks.factories import (
    Receiver,
    create_delivery,
    create_subscription,
    secret_box,
    secret_of,
)
from tests.shared.utilities.test_outbox import RecordingEmitter, RecordingTasks

DELAYS = [1, 2]
LOCAL = QueueManagerSettings(webhook_allowed_networks=["127.0.0.0/8"])


@pytest.fixture
def senders() -> Senders:
    """What the outbox of each attempt sends: recorded."""
    return Senders(tasks=RecordingTasks(), emitter=RecordingEmitter())


@pytest.fixture
def endpoint(mongo, serve, senders):
    """`async with endpoint(receiver) as (delivery, send)`: a pending delivery to the
    receiver's URL, and `send()` making one attempt at it."""

    @asynccontextmanager
    async def start(receiver: Receiver, settings: QueueManagerSettings = LOCAL, **subscription):
        account = await create_account()
        async with serve(receiver.app()) as url, webhook_client(settings) as client:
            endpoint = await create_subscription(account, url=f"{url}/hooks", **subscription)
            delivery = await create_delivery(endpoint)

            async def send(manual: bool = False) -> Retry | None:
                # In an outbox, as the task runtime runs a body.
                async with collecting(senders):
                    return await deliver(str(delivery.id), client, secret_box(), DELAYS, manual)

            yield delivery, send

    return start


async def reloaded(delivery: WebhookDelivery) -> WebhookDelivery:
    return await WebhookDelivery.get(delivery.id)


async def test_a_2xx_answer_marks_the_delivery_delivered_with_its_attempt(endpoint):
    async with endpoint(Receiver()) as (delivery, send):
        retry = await send()

    delivery = await reloaded(delivery)
    assert retry is None
    assert delivery.status is DeliveryStatus.DELIVERED
    [attempt] = delivery.attempts
    assert (attempt.response_code, attempt.error) == (200, None)
    assert attempt.duration_ms > 0


async def test_the_endpoint_gets_the_payload_signed_with_its_secret(endpoint):
    receiver = Receiver()
    async with endpoint(receiver) as (delivery, send):
        await send()

    [request] = receiver.received
    secret = secret_of(await WebhookSubscription.get(delivery.subscription_id))
    signature = request.headers["webhook-signature"]
    assert verify_timestamped_hmac(secret, request.body, signature, tolerance_seconds=300)
    assert not verify_timestamped_hmac("whsec_wrong", request.body, signature, 300)
    assert request.path == "/hooks"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"] == delivery.event_id
    assert request.headers["user-agent"].startswith("PlatformWebhooks/")
    assert json.loads(request.body) == delivery.payload
    assert set(delivery.payload) == {"id", "type", "created_at", "data"}


async def test_a_failed_attempt_is_logged_and_retried_after_the_first_delay(endpoint):
    async with endpoint(Receiver(statuses=[503])) as (delivery, send):
        retry = await send()

    delivery = await reloaded(delivery)
    assert retry == Retry(attempt=2, seconds=DELAYS[0])
    assert delivery.status is DeliveryStatus.PENDING
    [attempt] = delivery.attempts
    assert (attempt.response_code, attempt.error) == (503, "endpoint broken")
    assert delivery.next_attempt_at > attempt.at


async def test_a_retry_that_succeeds_marks_the_delivery_delivered(endpoint):
    async with endpoint(Receiver(statuses=[500, 502])) as (delivery, send):
        waits = [await send(), await send(), await send()]

    delivery = await reloaded(delivery)
    assert waits == [Retry(2, DELAYS[0]), Retry(3, DELAYS[1]), None]
    assert delivery.status is DeliveryStatus.DELIVERED
    assert [attempt.response_code for attempt in delivery.attempts] == [500, 502, 200]
    assert delivery.next_attempt_at is None


async def test_no_answer_is_a_failed_attempt_with_the_error_logged(mongo):
    endpoint = await create_subscription(
        await create_account(), url=f"http://127.0.0.1:{free_port()}/hooks"
    )
    delivery = await create_delivery(endpoint)

    async with webhook_client(LOCAL) as client:
        retry = await deliver(str(delivery.id), client, secret_box(), DELAYS)

    delivery = await reloaded(delivery)
    assert retry == Retry(attempt=2, seconds=DELAYS[0])
    [attempt] = delivery.attempts
    assert attempt.response_code is None
    assert attempt.error.startswith("ConnectError")


async def test_the_last_failed_attempt_fails_the_delivery_and_switches_the_endpoint_off(endpoint):
    async with endpoint(Receiver(statuses=[500, 500, 500])) as (delivery, send):
        waits = [await send(), await send(), await send()]

    delivery = await reloaded(delivery)
    subscription = await WebhookSubscription.get(delivery.subscription_id)
    assert waits == [Retry(2, DELAYS[0]), Retry(3, DELAYS[1]), None]
    assert delivery.status is DeliveryStatus.FAILED
    assert len(delivery.attempts) == len(DELAYS) + 1
    assert subscription.enabled is False
    assert subscription.disabled_reason == "A delivery failed 3 attempts in a row."


async def test_switching_an_endpoint_off_notifies_the_accounts_owners_and_admins_only(endpoint):
    async with endpoint(Receiver(statuses=[500, 500, 500])) as (delivery, send):
        subscription = await WebhookSubscription.get(delivery.subscription_id)
        account = await Account.get(subscription.account_id)
        people = {role: await create_user() for role in Role}
        for role, user in people.items():
            await create_membership(account, user, role)
        for _ in range(3):
            await send()

    notified = await Notification.find({"account_id": subscription.account_id}).to_list()
    assert sorted(str(n.user_id) for n in notified) == sorted(
        str(people[role].id) for role in (Role.OWNER, Role.ADMIN)
    )
    assert {n.kind for n in notified} == {"webhook.disabled"}
    assert subscription.url in notified[0].body


async def test_the_notified_admins_get_it_pushed_to_their_rooms(endpoint, senders):
    async with endpoint(Receiver(statuses=[500, 500, 500])) as (delivery, send):
        subscription = await WebhookSubscription.get(delivery.subscription_id)
        account = await Account.get(subscription.account_id)
        admin = await create_user()
        await create_membership(account, admin, Role.ADMIN)
        for _ in range(3):
            await send()

    [(socket, event, data, room)] = senders.emitter.emitted
    notification = await Notification.find_one({"user_id": admin.id})
    assert (socket, event, room) == (Socket.GENERAL, "notification:new", f"user:{admin.id}")
    assert (data["id"], data["kind"], data["read_at"]) == (
        str(notification.id),
        "webhook.disabled",
        None,
    )


async def test_a_manual_redelivery_that_fails_does_not_switch_the_endpoint_off(endpoint):
    async with endpoint(Receiver(statuses=[500])) as (delivery, send):
        retry = await send(manual=True)

    delivery = await reloaded(delivery)
    assert retry is None
    assert delivery.status is DeliveryStatus.FAILED
    assert delivery.attempts[0].manual is True
    assert (await WebhookSubscription.get(delivery.subscription_id)).enabled is True


async def test_a_delivered_delivery_is_not_sent_again(endpoint):
    receiver = Receiver()
    async with endpoint(receiver) as (delivery, send):
        await send()
        await send()

    assert len(receiver.received) == 1
    assert len((await reloaded(delivery)).attempts) == 1


async def test_a_switched_off_endpoint_gets_nothing_and_the_delivery_fails(endpoint):
    receiver = Receiver()
    async with endpoint(receiver, enabled=False) as (delivery, send):
        retry = await send()

    delivery = await reloaded(delivery)
    assert (retry, receiver.received) == (None, [])
    assert delivery.status is DeliveryStatus.FAILED
    assert "switched off" in delivery.attempts[0].error


async def test_a_loopback_endpoint_is_refused_at_delivery_unless_allowed(endpoint):
    receiver = Receiver()
    async with endpoint(receiver, QueueManagerSettings(webhook_allowed_networks=[])) as (
        delivery,
        send,
    ):
        retry = await send()

    delivery = await reloaded(delivery)
    assert receiver.received == []
    assert retry == Retry(attempt=2, seconds=DELAYS[0])
    assert "inside the network" in delivery.attempts[0].error


async def test_deliveries_to_one_endpoint_reuse_one_pooled_connection(mongo, serve):
    source_ports: list[int] = []

    async def receive(request: Request) -> Response:
        source_ports.append(request.client.port)
        return Response(status_code=204)

    receiver = Starlette(routes=[Route("/hooks", receive, methods=["POST"])])
    async with serve(receiver) as url, webhook_client(LOCAL) as client:
        endpoint = await create_subscription(await create_account(), url=f"{url}/hooks")
        for delivery in [await create_delivery(endpoint) for _ in range(3)]:
            await deliver(str(delivery.id), client, secret_box(), DELAYS)

    assert len(source_ports) == 3
    assert len(set(source_ports)) == 1
