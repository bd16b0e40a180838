"""Stripe's Connect webhook: `Stripe-Signature` checked (secret, tolerance) before anything
else, each event id handed on once."""

import json
import time

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.signatures import sign_timestamped_hmac
from tests.external_api.fakes.stripe import CONNECTED, WEBHOOK_SECRET, customer, event, signed
from tests.external_api.integrations.stripe.conftest import stripe_settings

URL = "/v1/e/stripe/webhooks/connect"
UPDATED = event("evt_1NG8Du2eZvKYlo2CUI79vXWy", "customer.updated", customer("cus_1"))


async def test_a_signed_event_is_handed_on(stripe, jobs):
    body, headers = signed(UPDATED)

    response = await stripe.post(URL, content=body, headers=headers)

    assert response.json() == {"received": 1, "accepted": 1}
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", f"stripe:{UPDATED['id']}")
    assert kwargs["event"]["type"] == "customer.updated"
    assert kwargs["event"]["data"] == {
        "stripe_account_id": CONNECTED,
        "created": UPDATED["created"],
        "object": customer("cus_1"),
    }


async def test_an_event_sent_again_is_acknowledged_once(stripe, jobs):
    body, headers = signed(UPDATED)
    await stripe.post(URL, content=body, headers=headers)

    response = await stripe.post(URL, content=body, headers=signed(UPDATED)[1])

    assert response.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_signature_with_another_secret_is_refused(stripe, jobs):
    body, headers = signed(UPDATED, secret="whsec_other")

    response = await stripe.post(URL, content=body, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []
    assert await IntegrationWebhookReceipt.find({"provider": "stripe"}).count() == 0


async def test_a_missing_signature_is_refused(stripe, jobs):
    body = json.dumps(UPDATED).encode()

    response = await stripe.post(URL, content=body, headers={"content-type": "application/json"})

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_signature_older_than_the_tolerance_is_refused(stripe, jobs):
    body, headers = signed(UPDATED, timestamp=int(time.time()) - 301)

    response = await stripe.post(URL, content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_changed_body_under_a_genuine_signature_is_refused(stripe, jobs):
    _, headers = signed(UPDATED)
    forged = json.dumps({**UPDATED, "type": "customer.deleted"}).encode()

    response = await stripe.post(URL, content=forged, headers=headers)

    assert response.status_code == 401


async def test_without_a_webhook_secret_every_event_is_refused(start_external, jobs):
    body, headers = signed(UPDATED)

    async with start_external(stripe=stripe_settings(webhook_secret="")) as client:
        response = await client.post(URL, content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_signed_body_that_is_not_an_event_is_invalid(stripe, jobs):
    body, headers = signed({"hello": "world"})

    response = await stripe.post(URL, content=body, headers=headers)

    assert response.status_code == 422
    assert jobs.sent == []


async def test_a_signature_header_that_is_not_ascii_is_refused(stripe, jobs):
    body, headers = signed(UPDATED)
    # Signed now, so the check reaches the comparison of the signature itself.
    not_ascii = f"t={int(time.time())},v1={'é' * 32}".encode()

    response = await stripe.post(
        URL, content=body, headers={**headers, "stripe-signature": not_ascii}
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_signed_body_nested_too_deep_is_an_invalid_body(stripe, jobs):
    nested = b'{"a":' * 50_000 + b"{}" + b"}" * 50_000
    body = json.dumps({**UPDATED, "data": {"object": "NESTED"}}).encode()
    body = body.replace(b'"NESTED"', nested)
    timestamp = int(time.time())
    headers = {"stripe-signature": sign_timestamped_hmac(WEBHOOK_SECRET, body, timestamp)}

    response = await stripe.post(URL, content=body, headers=headers)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_body"
    assert jobs.sent == []


async def test_a_stale_signature_is_refused_without_reading_the_body(stripe, jobs):
    chunks_read = []

    async def large_body():
        for chunk in range(100):
            chunks_read.append(chunk)
            yield b" " * 10_000

    _, headers = signed(UPDATED, timestamp=int(time.time()) - 3600)

    response = await stripe.post(URL, content=large_body(), headers=headers)

    assert response.status_code == 401
    assert len(chunks_read) <= 1  # what the transport sends with the head, at most


PLATFORM_URL = "/v1/e/stripe/webhooks/platform"
PLATFORM_SECRET = "whsec_test_platform_endpoint"


async def test_a_platform_event_signed_with_its_own_secret_is_handed_on_once(start_external, jobs):
    paid = event(
        "evt_platform_1", "payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"}
    )
    paid.pop("account")  # the platform's own account's events name none
    settings = stripe_settings(platform_webhook_secret=PLATFORM_SECRET)
    async with start_external(stripe=settings) as stripe:
        body, headers = signed(paid, secret=PLATFORM_SECRET)
        first = await stripe.post(PLATFORM_URL, content=body, headers=headers)
        again = await stripe.post(PLATFORM_URL, content=body, headers=headers)
        connect_secret = await stripe.post(
            PLATFORM_URL, content=body, headers=signed(paid, secret=WEBHOOK_SECRET)[1]
        )

    assert (first.json(), again.json()) == (
        {"received": 1, "accepted": 1},
        {"received": 1, "accepted": 0},
    )
    assert connect_secret.status_code == 401
    [(_, kwargs, task_id)] = jobs.sent
    assert (task_id, kwargs["event"]["data"]["stripe_account_id"]) == (
        "stripe:evt_platform_1",
        None,
    )
