"""Provider status webhooks: genuine reports move the delivery log, others change nothing."""

import json
import time

import pytest

from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_preference import NotificationPreference
from shared.utilities.signatures import generate_ecdsa_key, sign_ecdsa_sha256, sign_twilio
from tests.factories import create_account
from tests.notifications.conftest import PUBLIC_URL, TWILIO_TOKEN, sendgrid_webhook_keys
from tests.notifications.factories import create_delivery

SENDGRID_PATH = "/v1/notifications/webhooks/sendgrid"
TWILIO_PATH = "/v1/notifications/webhooks/twilio"
MESSAGE_ID = "14c5d75ce93.dfd.64b469"


def sendgrid_event(event: str, **fields) -> dict:
    """One event as SendGrid's Event Webhook posts it."""
    return {
        "email": "owner@example.com",
        "timestamp": 1513299569,
        "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
        "event": event,
        "sg_event_id": f"sg-event-{event}",
        "sg_message_id": f"{MESSAGE_ID}.filter0001.16648.5515E0B88.0",
        "delivery_id": "ours",
        **fields,
    }


def signed_sendgrid(events: list[dict], private_key=None) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(events).encode()
    timestamp = str(int(time.time()))
    signature = sign_ecdsa_sha256(private_key or sendgrid_webhook_keys()[0], timestamp, body)
    return body, {
        "X-Twilio-Email-Event-Webhook-Signature": signature,
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
        "content-type": "application/json",
    }


async def sent_email(**overrides) -> NotificationDelivery:
    account = await create_account()
    fields = {"status": "sent", "provider": "sendgrid", "provider_message_id": MESSAGE_ID}
    return await create_delivery(account, **{**fields, **overrides})


async def test_a_signed_delivered_event_marks_the_email_delivered(notifications):
    delivery = await sent_email()
    body, headers = signed_sendgrid([sendgrid_event("processed"), sendgrid_event("delivered")])

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 204
    await delivery.sync()
    assert delivery.status == "delivered"


async def test_a_bounce_keeps_sendgrids_reason(notifications):
    delivery = await sent_email()
    body, headers = signed_sendgrid(
        [sendgrid_event("bounce", reason="500 unknown recipient", type="bounce")]
    )

    await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    await delivery.sync()
    assert (delivery.status, delivery.reason) == ("bounced", "bounce 500 unknown recipient")


async def test_an_event_arriving_late_does_not_move_the_status_back(notifications):
    delivery = await sent_email(status="opened")
    body, headers = signed_sendgrid([sendgrid_event("delivered")])

    await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    await delivery.sync()
    assert delivery.status == "opened"
    assert delivery.history[-1].detail == "reported: delivered"


async def test_a_wrong_sendgrid_signature_answers_403_and_changes_nothing(notifications):
    delivery = await sent_email()
    impostor, _ = generate_ecdsa_key()
    body, headers = signed_sendgrid([sendgrid_event("delivered")], private_key=impostor)

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 403
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_sendgrid_body_changed_after_signing_answers_403(notifications):
    delivery = await sent_email()
    _, headers = signed_sendgrid([sendgrid_event("delivered")])
    tampered = json.dumps([sendgrid_event("spamreport")]).encode()

    answer = await notifications.post(SENDGRID_PATH, content=tampered, headers=headers)

    assert answer.status_code == 403
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_sendgrid_post_without_signature_answers_401(notifications):
    delivery = await sent_email()

    answer = await notifications.post(SENDGRID_PATH, json=[sendgrid_event("delivered")])

    assert answer.status_code == 401
    await delivery.sync()
    assert delivery.status == "sent"


async def test_an_event_for_an_unknown_message_is_ignored(notifications):
    body, headers = signed_sendgrid([sendgrid_event("delivered", sg_message_id="other.filter")])

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 204


async def test_a_signed_body_that_is_not_a_list_of_events_is_refused(notifications):
    body, headers = signed_sendgrid({"event": "delivered"})  # type: ignore[arg-type]

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 422


async def sent_sms(**overrides) -> NotificationDelivery:
    account = await create_account()
    fields = {
        "channel": "sms",
        "to": "+14155550100",
        "status": "sent",
        "provider": "twilio",
        "provider_message_id": "SM" + "1" * 32,
    }
    return await create_delivery(account, **{**fields, **overrides})


def twilio_callback(status: str, **fields) -> dict[str, str]:
    """The form Twilio posts to a message's StatusCallback."""
    return {
        "AccountSid": "AC" + "a" * 32,
        "ApiVersion": "2010-04-01",
        "From": "+15005550006",
        "MessageSid": "SM" + "1" * 32,
        "MessageStatus": status,
        "SmsSid": "SM" + "1" * 32,
        "SmsStatus": status,
        "To": "+14155550100",
        **fields,
    }


def twilio_headers(form: dict[str, str], url: str = PUBLIC_URL + TWILIO_PATH) -> dict[str, str]:
    return {"X-Twilio-Signature": sign_twilio(TWILIO_TOKEN, url, form)}


async def test_a_signed_delivered_callback_marks_the_sms_delivered(notifications):
    delivery = await sent_sms()
    form = twilio_callback("delivered")

    answer = await notifications.post(TWILIO_PATH, data=form, headers=twilio_headers(form))

    assert answer.status_code == 204
    await delivery.sync()
    assert delivery.status == "delivered"


async def test_an_undelivered_callback_fails_the_sms_with_twilios_error_code(notifications):
    delivery = await sent_sms()
    form = twilio_callback("undelivered", ErrorCode="30006")

    await notifications.post(TWILIO_PATH, data=form, headers=twilio_headers(form))

    await delivery.sync()
    assert (delivery.status, delivery.reason) == ("failed", "undelivered (error 30006)")


async def test_a_wrong_twilio_signature_answers_403_and_changes_nothing(notifications):
    delivery = await sent_sms()
    form = twilio_callback("delivered")

    answer = await notifications.post(
        TWILIO_PATH, data=form, headers={"X-Twilio-Signature": "bm90IHRoZSBzaWduYXR1cmU="}
    )

    assert answer.status_code == 403
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_twilio_signature_for_another_url_answers_403(notifications):
    delivery = await sent_sms()
    form = twilio_callback("delivered")
    headers = twilio_headers(form, url="https://elsewhere.test" + TWILIO_PATH)

    answer = await notifications.post(TWILIO_PATH, data=form, headers=headers)

    assert answer.status_code == 403
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_changed_parameter_breaks_the_twilio_signature(notifications):
    delivery = await sent_sms()
    headers = twilio_headers(twilio_callback("sent"))

    answer = await notifications.post(
        TWILIO_PATH, data=twilio_callback("delivered"), headers=headers
    )

    assert answer.status_code == 403
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_twilio_callback_without_signature_answers_401(notifications):
    answer = await notifications.post(TWILIO_PATH, data=twilio_callback("delivered"))

    assert answer.status_code == 401


async def test_webhooks_are_refused_when_the_provider_is_not_configured(unconfigured):
    form = twilio_callback("delivered")

    answer = await unconfigured.post(TWILIO_PATH, data=form, headers=twilio_headers(form))

    assert answer.status_code == 403
    assert "NOTIFICATIONS_TWILIO_AUTH_TOKEN" in answer.json()["error"]["message"]


async def test_a_spam_report_on_marketing_email_turns_the_recipients_marketing_off(notifications):
    delivery = await sent_email(marketing=True, user_id="650000000000000000000007")
    body, headers = signed_sendgrid([sendgrid_event("spamreport")])

    await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    preference = await NotificationPreference.find_one(
        {"account_id": delivery.account_id, "user_id": "650000000000000000000007"}
    )
    assert preference.marketing_email is False


def signed_sendgrid_at(events: list[dict], timestamp: int) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(events).encode()
    signature = sign_ecdsa_sha256(sendgrid_webhook_keys()[0], str(timestamp), body)
    return body, {
        "X-Twilio-Email-Event-Webhook-Signature": signature,
        "X-Twilio-Email-Event-Webhook-Timestamp": str(timestamp),
        "content-type": "application/json",
    }


@pytest.mark.parametrize("seconds_away", [-900, 900])
async def test_a_genuine_sendgrid_post_signed_outside_the_window_is_refused(
    notifications, seconds_away
):
    delivery = await sent_email()
    body, headers = signed_sendgrid_at(
        [sendgrid_event("delivered")], int(time.time()) + seconds_away
    )

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "signature_expired"
    await delivery.sync()
    assert delivery.status == "sent"


async def test_a_sendgrid_post_signed_within_the_window_is_taken(notifications):
    delivery = await sent_email()
    body, headers = signed_sendgrid_at([sendgrid_event("delivered")], int(time.time()) - 500)

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 204
    await delivery.sync()
    assert delivery.status == "delivered"


async def unread_body(read: list[bool]):
    read.append(True)
    yield json.dumps([sendgrid_event("delivered")]).encode()


@pytest.mark.parametrize(
    "header",
    [
        {"X-Twilio-Email-Event-Webhook-Signature": "bm90IGEgc2lnbmF0dXJl"},  # too short
        {"X-Twilio-Email-Event-Webhook-Timestamp": "yesterday"},
        {"X-Twilio-Email-Event-Webhook-Timestamp": "1513299569"},  # 2017: a replay
    ],
)
async def test_malformed_or_stale_sendgrid_headers_are_refused_before_the_body_is_read(
    notifications, header
):
    _, headers = signed_sendgrid([sendgrid_event("delivered")])
    read: list[bool] = []

    answer = await notifications.post(
        SENDGRID_PATH, content=unread_body(read), headers={**headers, **header}
    )

    assert answer.status_code == 403
    assert read == []


async def test_a_non_ascii_sendgrid_signature_is_refused_not_a_server_error(notifications):
    body, headers = signed_sendgrid([sendgrid_event("delivered")])
    headers["X-Twilio-Email-Event-Webhook-Signature"] = ("é" * 96).encode("latin-1")

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "invalid_signature"


async def test_a_deeply_nested_signed_sendgrid_body_is_refused_not_a_server_error(notifications):
    body = b"[" * 100_000 + b"]" * 100_000
    timestamp = str(int(time.time()))
    signature = sign_ecdsa_sha256(sendgrid_webhook_keys()[0], timestamp, body)
    headers = {
        "X-Twilio-Email-Event-Webhook-Signature": signature,
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    }

    answer = await notifications.post(SENDGRID_PATH, content=body, headers=headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_events"


@pytest.mark.parametrize(
    "signature",
    [
        ("é" * 27 + "=").encode("latin-1"),
        b"\xff\xfe" + b"A" * 26,
        b"not base64 at all",
    ],
)
async def test_a_malformed_twilio_signature_is_refused_not_a_server_error(notifications, signature):
    delivery = await sent_sms()
    form = twilio_callback("delivered")

    answer = await notifications.post(
        TWILIO_PATH, data=form, headers={"X-Twilio-Signature": signature}
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "invalid_signature"
    await delivery.sync()
    assert delivery.status == "sent"
