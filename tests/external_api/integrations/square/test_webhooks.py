"""Square's webhook: `x-square-hmacsha256-signature` over the notification URL and the body
checked before anything else, each event id handed on once, what it carries passed on."""

import json

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from tests.external_api.fakes.square import (
    CATALOG_UPDATED,
    MERCHANT,
    customer,
    event,
    payment,
    signed,
)
from tests.external_api.integrations.square.conftest import square_settings

URL = "/v1/e/square/webhooks/events"
UPDATED = event("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc", "payment.updated", payment("P1"))


async def test_a_signed_event_is_handed_on_with_its_object(square, jobs):
    body, headers = signed(UPDATED)

    response = await square.post(URL, content=body, headers=headers)

    assert response.json() == {"received": 1, "accepted": 1}
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", f"square:{UPDATED['event_id']}")
    assert kwargs["event"]["data"] == {
        "merchant_id": MERCHANT,
        "kind": "payment",
        "object": payment("P1"),
        "deleted": False,
    }


async def test_a_deleted_customer_is_handed_on_as_deleted(square, jobs):
    deleted = event("e-deleted", "customer.deleted", customer("C1"), deleted=True)

    await square.post(URL, content=signed(deleted)[0], headers=signed(deleted)[1])

    [(_, kwargs, _)] = jobs.sent
    assert (kwargs["event"]["data"]["kind"], kwargs["event"]["data"]["deleted"]) == (
        "customer",
        True,
    )


async def test_a_catalog_change_is_handed_on_without_objects(square, jobs):
    body, headers = signed(CATALOG_UPDATED)

    await square.post(URL, content=body, headers=headers)

    [(_, kwargs, _)] = jobs.sent
    assert kwargs["event"]["type"] == "catalog.version.updated"
    assert kwargs["event"]["data"] == {"merchant_id": MERCHANT}


async def test_an_event_sent_again_is_acknowledged_once(square, jobs):
    body, headers = signed(UPDATED)
    await square.post(URL, content=body, headers=headers)

    response = await square.post(URL, content=body, headers=headers)

    assert response.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_signature_with_another_key_is_refused(square, jobs):
    body, headers = signed(UPDATED, key="another-subscription-key")

    response = await square.post(URL, content=body, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []
    assert await IntegrationWebhookReceipt.find({"provider": "square"}).count() == 0


async def test_a_signature_of_another_url_is_refused(square, jobs):
    body, headers = signed(UPDATED, url="https://elsewhere.test/v1/e/square/webhooks/events")

    response = await square.post(URL, content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_missing_signature_is_refused(square, jobs):
    body = json.dumps(UPDATED).encode()

    response = await square.post(URL, content=body, headers={"content-type": "application/json"})

    assert response.status_code == 401
    assert jobs.sent == []


async def test_webhooks_are_refused_without_a_signature_key(start_external, jobs):
    body, headers = signed(UPDATED)

    async with start_external(square=square_settings(webhook_signature_key="")) as square:
        response = await square.post(URL, content=body, headers=headers)

    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_an_event_of_another_kind_is_acknowledged_without_work(square, jobs):
    other = event("e-invoice", "invoice.published", {"id": "inv_1"})
    body, headers = signed(other)

    response = await square.post(URL, content=body, headers=headers)

    assert response.json() == {"received": 0, "accepted": 0}
    assert jobs.sent == []
