"""SendGrid's signed Event Webhook per account: ECDSA over timestamp + body with the account's
public key, within the replay window; each event id handed on once."""

import time

import pytest

from shared.utilities.signatures import generate_ecdsa_key, sign_ecdsa_sha256
from tests.external_api.conftest import PUBLIC, headers_for
from tests.external_api.fakes.sendgrid import API_KEY, PUBLIC_KEY, events, signed
from tests.external_api.integrations.connections import create_key_connection


def webhook_url(account_id: str) -> str:
    return f"/v1/e/sendgrid/webhooks/events/{account_id}"


def now() -> str:
    return str(int(time.time()))


@pytest.fixture
async def connected(account_id):
    return await create_key_connection(
        "sendgrid", account_id, API_KEY, webhook_public_key=PUBLIC_KEY
    )


async def test_each_signed_event_is_handed_on(external, jobs, connected, account_id):
    body, headers = signed(events("processed", "delivered"), now())

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.json() == {"received": 2, "accepted": 2}
    assert [task_id for _, _, task_id in jobs.sent] == [
        "sendgrid:sg_event_id_processed",
        "sendgrid:sg_event_id_delivered",
    ]
    _, kwargs, _ = jobs.sent[1]
    assert kwargs["event"]["type"] == "delivered"
    assert kwargs["event"]["data"]["account_id"] == account_id
    assert kwargs["event"]["data"]["event"]["email"] == "grace@example.com"


async def test_an_event_sent_again_is_not_handed_on_twice(external, jobs, connected, account_id):
    body, headers = signed(events("delivered"), now())
    await external.post(webhook_url(account_id), content=body, headers=headers)

    again, headers = signed(events("delivered", "open"), now())
    response = await external.post(webhook_url(account_id), content=again, headers=headers)

    assert response.json() == {"received": 2, "accepted": 1}
    assert len(jobs.sent) == 2


async def test_a_signature_of_another_key_is_refused(external, jobs, connected, account_id):
    body, headers = signed(events("delivered"), now())
    other_key, _ = generate_ecdsa_key()
    headers["x-twilio-email-event-webhook-signature"] = sign_ecdsa_sha256(
        other_key, headers["x-twilio-email-event-webhook-timestamp"], body
    )

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_changed_timestamp_is_refused(external, jobs, connected, account_id):
    body, headers = signed(events("delivered"), now())
    headers["x-twilio-email-event-webhook-timestamp"] = str(int(time.time()) + 1)

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 401


@pytest.mark.parametrize(
    "missing",
    ["x-twilio-email-event-webhook-signature", "x-twilio-email-event-webhook-timestamp"],
)
async def test_a_missing_signature_header_is_refused(
    external, jobs, connected, account_id, missing
):
    body, headers = signed(events("delivered"), now())
    del headers[missing]

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_genuine_delivery_replayed_an_hour_later_is_refused(
    external, jobs, connected, account_id
):
    body, headers = signed(events("delivered"), str(int(time.time()) - 3600))

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_an_account_without_a_webhook_key_refuses_events(external, jobs, account_id):
    await create_key_connection("sendgrid", account_id, API_KEY)
    body, headers = signed(events("delivered"), now())

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 401


async def test_signed_events_without_ids_are_invalid(external, jobs, connected, account_id):
    body, headers = signed([{"event": "delivered"}], now())

    response = await external.post(webhook_url(account_id), content=body, headers=headers)

    assert response.status_code == 422
    assert jobs.sent == []


async def test_the_account_is_told_where_to_point_its_event_webhook(external, account_id):
    response = await external.get("/v1/e/sendgrid/webhook", headers=headers_for(account_id))

    assert response.json() == {"webhook_url": f"{PUBLIC}{webhook_url(account_id)}"}
