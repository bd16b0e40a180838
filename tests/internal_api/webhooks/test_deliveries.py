"""An endpoint's delivery log (paginated, with each attempt), redelivery of a settled delivery,
and test events; each sends one `webhook.deliver` attempt of its own."""

from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from tests.conversation_socket.queued import queued_kwargs
from tests.factories import create_signed_in
from tests.internal_api.webhooks.conftest import WEBHOOKS
from tests.internal_api.webhooks.queued import queued_soon
from tests.queue_manager.webhooks.factories import create_delivery, create_subscription


def failed_attempt(**overrides) -> DeliveryAttempt:
    fields = {"at": utc_now(), "response_code": 500, "duration_ms": 12.5, "error": "boom"}
    return DeliveryAttempt(**{**fields, **overrides})


async def test_the_log_lists_the_endpoints_deliveries_newest_first_with_their_attempts(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    first = await create_delivery(endpoint, attempts=[failed_attempt()])
    second = await create_delivery(endpoint)
    await create_delivery(await create_subscription(admin.account))

    response = await api.get(
        f"{WEBHOOKS}/{endpoint.id}/deliveries", params={"limit": 1}, headers=admin.headers
    )

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["data"]] == [str(second.id)]
    assert body["pagination"] == {"page": 1, "limit": 1, "total": 2, "next_page": 2}
    page_two = await api.get(
        f"{WEBHOOKS}/{endpoint.id}/deliveries",
        params={"page": 2, "limit": 1},
        headers=admin.headers,
    )
    [logged] = page_two.json()["data"]
    assert logged["id"] == str(first.id)
    assert logged["attempts"][0] | {"at": None} == {
        "at": None,
        "response_code": 500,
        "duration_ms": 12.5,
        "error": "boom",
        "manual": False,
    }


async def test_a_delivery_of_another_endpoint_answers_404(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    other = await create_delivery(await create_subscription(admin.account))

    response = await api.get(
        f"{WEBHOOKS}/{endpoint.id}/deliveries/{other.id}", headers=admin.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_redelivering_a_failed_delivery_sends_one_manual_attempt(api, redis, deliver_queue):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    delivery = await create_delivery(
        endpoint, status=DeliveryStatus.FAILED, attempts=[failed_attempt()]
    )

    response = await api.post(
        f"{WEBHOOKS}/{endpoint.id}/deliveries/{delivery.id}/redeliver", headers=admin.headers
    )

    assert response.status_code == 202
    assert (await WebhookDelivery.get(delivery.id)).status is DeliveryStatus.PENDING
    assert await queued_soon(redis, deliver_queue) == [
        {"delivery_id": str(delivery.id), "manual": True}
    ]


async def test_a_delivery_still_being_attempted_cannot_be_redelivered(api, redis, deliver_queue):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    delivery = await create_delivery(endpoint)

    response = await api.post(
        f"{WEBHOOKS}/{endpoint.id}/deliveries/{delivery.id}/redeliver", headers=admin.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "delivery_in_progress"
    assert await queued_kwargs(redis, deliver_queue) == []


async def test_a_switched_off_endpoint_gets_no_redelivery(api, redis, deliver_queue):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account, enabled=False)
    delivery = await create_delivery(endpoint, status=DeliveryStatus.FAILED)

    response = await api.post(
        f"{WEBHOOKS}/{endpoint.id}/deliveries/{delivery.id}/redeliver", headers=admin.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "endpoint_switched_off"
    assert "webhook endpoint" in response.json()["error"]["message"]
    assert (await WebhookDelivery.get(delivery.id)).status is DeliveryStatus.FAILED
    assert await queued_kwargs(redis, deliver_queue) == []


async def test_a_test_event_is_logged_and_sent_to_the_endpoint_alone(api, redis, deliver_queue):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    response = await api.post(f"{WEBHOOKS}/{endpoint.id}/test", headers=admin.headers)

    assert response.status_code == 202
    body = response.json()
    assert (body["event_type"], body["status"]) == ("webhook.test", "pending")
    assert body["payload"]["data"] == {"subscription_id": str(endpoint.id)}
    assert await queued_soon(redis, deliver_queue) == [{"delivery_id": body["id"], "manual": True}]
