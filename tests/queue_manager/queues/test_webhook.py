"""End to end on a real worker and Redis: an event published by a service reaches the
customer's endpoint on a real port, signed so the endpoint can check it; failures are retried
when the retry cron finds them due, and an endpoint that refuses every attempt is switched off."""

import json

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from queue_manager.celery import settings
from shared.models.base import utc_now
from shared.models.notification import Notification
from shared.models.task_run import TaskRun
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.events import publish_event
from shared.utilities.outbox import Senders, collecting
from shared.utilities.signatures import verify_timestamped_hmac
from tests.factories import create_signed_in
from tests.queue_manager.queues.conftest import RETRY_DELAYS, eventually
from tests.queue_manager.webhooks.factories import (
    create_delivery,
    create_event,
    create_subscription,
    new_secret,
)


class VerifyingEndpoint:
    """A customer's receiver: checks the signature with the secret it was given, as the
    documentation tells it to, and refuses (400) what does not verify; `failures` first answers
    500 that many times."""

    def __init__(self, secret: str, failures: int = 0) -> None:
        self.secret = secret
        self.failures = failures
        self.accepted: list[dict] = []
        self.refused = 0

    async def receive(self, request: Request) -> PlainTextResponse:
        body = await request.body()
        signature = request.headers.get("webhook-signature", "")
        if not verify_timestamped_hmac(self.secret, body, signature, tolerance_seconds=300):
            self.refused += 1
            return PlainTextResponse("bad signature", status_code=400)
        if self.failures:
            self.failures -= 1
            return PlainTextResponse("try later", status_code=500)
        self.accepted.append(json.loads(body))
        return PlainTextResponse("ok")

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.receive, methods=["POST"])])


async def settled(subscription: WebhookSubscription, senders: Senders) -> WebhookDelivery:
    """The endpoint's delivery once settled, with the retry cron run as beat would run it."""

    async def done() -> bool:
        found = await WebhookDelivery.find_one({"subscription_id": subscription.id})
        due = found is not None and found.next_attempt_at is not None
        if due and found.status is DeliveryStatus.PENDING and found.next_attempt_at <= utc_now():
            await senders.tasks.send("webhook_retries.send_due", {})
        return found is not None and found.status is not DeliveryStatus.PENDING

    await eventually(done)
    return await WebhookDelivery.find_one({"subscription_id": subscription.id})


async def test_a_published_event_reaches_the_endpoint_signed(worker, senders, serve):
    owner = await create_signed_in()
    secret = new_secret()
    endpoint = VerifyingEndpoint(secret)
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks", secret=secret)
        async with collecting(senders):
            event_id = publish_event(owner.account.id, "contact.created", {"id": "c1"})

        delivery = await settled(subscription, senders)

    assert delivery.status is DeliveryStatus.DELIVERED
    [received] = endpoint.accepted
    assert (received["id"], received["type"], received["data"]) == (
        event_id,
        "contact.created",
        {"id": "c1"},
    )
    assert endpoint.refused == 0


async def test_a_failed_delivery_is_retried_until_the_endpoint_takes_it(worker, senders, serve):
    owner = await create_signed_in()
    secret = new_secret()
    endpoint = VerifyingEndpoint(secret, failures=1)
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks", secret=secret)
        async with collecting(senders):
            publish_event(owner.account.id, "contact.created", {"id": "c1"})

        delivery = await settled(subscription, senders)

    assert delivery.status is DeliveryStatus.DELIVERED
    assert [attempt.response_code for attempt in delivery.attempts] == [500, 200]
    assert len(endpoint.accepted) == 1


async def test_an_endpoint_refusing_every_signature_is_switched_off_and_admins_told(
    worker, senders, serve
):
    owner = await create_signed_in()
    endpoint = VerifyingEndpoint(secret=new_secret())  # not the secret the platform signs with
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks")
        async with collecting(senders):
            publish_event(owner.account.id, "contact.created", {"id": "c1"})

        delivery = await settled(subscription, senders)

    assert delivery.status is DeliveryStatus.FAILED
    assert [a.response_code for a in delivery.attempts] == [400] * (len(RETRY_DELAYS) + 1)
    assert endpoint.refused == len(RETRY_DELAYS) + 1
    assert (await WebhookSubscription.get(subscription.id)).enabled is False
    [notification] = await Notification.find({"user_id": owner.user.id}).to_list()
    assert notification.kind == "webhook.disabled"


async def test_an_event_published_twice_under_one_id_is_delivered_once(worker, senders, serve):
    owner = await create_signed_in()
    secret = new_secret()
    endpoint = VerifyingEndpoint(secret)
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks", secret=secret)
        event = create_event(owner.account, id="evt_twice", data={"id": "c1"})
        for task_id in ("evt_twice", "evt_twice-resent"):
            await senders.tasks.send("hooks.dispatch", {"event": event}, task_id)

        await settled(subscription, senders)
        # A marker event behind both: once it is in, both dispatches have run.
        async with collecting(senders):
            publish_event(owner.account.id, "contact.created", {"id": "marker"})
        await eventually(lambda: _has(endpoint, "marker"))

    assert [r["data"]["id"] for r in endpoint.accepted] == ["c1", "marker"]
    assert await WebhookDelivery.find({"event_id": "evt_twice"}).count() == 1


async def _has(endpoint: VerifyingEndpoint, data_id: str) -> bool:
    return any(received["data"]["id"] == data_id for received in endpoint.accepted)


async def test_a_redelivery_asked_for_by_the_account_is_sent_once(worker, senders, serve):
    owner = await create_signed_in()
    secret = new_secret()
    endpoint = VerifyingEndpoint(secret)
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks", secret=secret)
        delivery = await create_delivery(subscription)
        attempt = {"delivery_id": str(delivery.id), "manual": True}
        # As internal_api sends it (twice here: the task id makes it one attempt).
        for _ in range(2):
            await senders.tasks.send("webhook.deliver", attempt, f"{delivery.id}.manual-1")

        delivery = await settled(subscription, senders)
        marker = create_event(owner.account, data={"id": "marker"})  # sent behind the others
        await senders.tasks.send("hooks.dispatch", {"event": marker}, marker["id"])
        await eventually(lambda: _has(endpoint, "marker"))

    assert delivery.status is DeliveryStatus.DELIVERED
    assert [attempt.manual for attempt in delivery.attempts] == [True]
    assert [received["data"]["id"] for received in endpoint.accepted] == ["c1", "marker"]


async def test_events_past_an_endpoints_burst_are_sent_later_not_dropped(
    worker, senders, serve, monkeypatch
):
    # One a second past a burst of one: the three dispatches book their slots well within a
    # second of each other however busy the machine, so the second and third are paced.
    monkeypatch.setattr(settings, "webhook_burst_per_endpoint", 1)
    monkeypatch.setattr(settings, "webhook_rate_per_endpoint", 1)
    owner = await create_signed_in()
    secret = new_secret()
    endpoint = VerifyingEndpoint(secret)
    async with serve(endpoint.app()) as url:
        subscription = await create_subscription(owner.account, url=f"{url}/hooks", secret=secret)
        async with collecting(senders):
            for number in range(3):
                publish_event(owner.account.id, "contact.created", {"id": f"c{number}"})

        async def all_delivered() -> bool:
            delivered = {"subscription_id": subscription.id, "status": DeliveryStatus.DELIVERED}
            return await WebhookDelivery.find(delivered).count() == 3

        await eventually(all_delivered)

    dispatches = await TaskRun.find({"name": "hooks.dispatch"}).to_list()
    assert sum(run.result["paced"] for run in dispatches if run.result) == 2
    assert sorted(received["data"]["id"] for received in endpoint.accepted) == ["c0", "c1", "c2"]
