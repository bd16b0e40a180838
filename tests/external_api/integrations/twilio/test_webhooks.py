"""Twilio's callbacks per account, signed in X-Twilio-Signature with its Auth Token over the
URL Twilio was given and the sorted POST parameters: inbound SMS (answered with empty TwiML),
delivery statuses and call statuses, each handed on once."""

from urllib.parse import urlencode

import pytest

from shared.utilities.signatures import sign_twilio
from tests.external_api.conftest import PUBLIC
from tests.external_api.fakes.twilio import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    CALL_SID,
    MESSAGE_SID,
    NUMBER,
    call_status_callback,
    inbound_sms,
    status_callback,
)
from tests.external_api.integrations.connections import create_key_connection

FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
async def connected(account_id):
    return await create_key_connection("twilio", account_id, AUTH_TOKEN, ACCOUNT_SID)


async def post_signed(external, kind: str, account_id: str, form: dict, token=AUTH_TOKEN, url=None):
    path = f"/v1/e/twilio/webhooks/{kind}/{account_id}"
    signature = sign_twilio(token, url or f"{PUBLIC}{path}", form)
    headers = {**FORM, "x-twilio-signature": signature}
    return await external.post(path, content=urlencode(form), headers=headers)


async def test_an_inbound_sms_is_handed_on_and_answered_with_empty_twiml(
    external, jobs, connected, account_id
):
    response = await post_signed(external, "sms", account_id, inbound_sms())

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert response.text.endswith("<Response/>")
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", f"twilio:{MESSAGE_SID}")
    assert kwargs["event"]["type"] == "sms.inbound"
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "message_sid": MESSAGE_SID,
        "from": "+14155552345",
        "to": NUMBER,
        "body": "Is it ready?",
        "num_media": 0,
    }


async def test_an_inbound_sms_sent_again_is_handed_on_once(external, jobs, connected, account_id):
    await post_signed(external, "sms", account_id, inbound_sms())

    response = await post_signed(external, "sms", account_id, inbound_sms())

    assert response.status_code == 200
    assert len(jobs.sent) == 1


async def test_a_signature_with_another_token_is_refused(external, jobs, connected, account_id):
    response = await post_signed(external, "sms", account_id, inbound_sms(), token="other-token")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_signature_for_another_url_is_refused(external, jobs, connected, account_id):
    other_url = f"{PUBLIC}/v1/e/twilio/webhooks/sms/000000000000000000000000"

    response = await post_signed(external, "sms", account_id, inbound_sms(), url=other_url)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_missing_signature_is_refused(external, jobs, connected, account_id):
    path = f"/v1/e/twilio/webhooks/sms/{account_id}"

    response = await external.post(path, content=urlencode(inbound_sms()), headers=FORM)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_signature_that_is_not_ascii_is_refused(external, jobs, connected, account_id):
    path = f"/v1/e/twilio/webhooks/sms/{account_id}"
    headers = {**FORM, "x-twilio-signature": "é".encode() * 14}

    response = await external.post(path, content=urlencode(inbound_sms()), headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_changed_parameter_under_a_genuine_signature_is_refused(
    external, jobs, connected, account_id
):
    path = f"/v1/e/twilio/webhooks/sms/{account_id}"
    signature = sign_twilio(AUTH_TOKEN, f"{PUBLIC}{path}", inbound_sms())
    changed = inbound_sms(body="Send the money elsewhere")

    response = await external.post(
        path, content=urlencode(changed), headers={**FORM, "x-twilio-signature": signature}
    )

    assert response.status_code == 401


async def test_an_account_without_twilio_refuses_callbacks(external, jobs, account_id):
    response = await post_signed(external, "sms", account_id, inbound_sms())

    assert response.status_code == 401


async def test_each_status_of_a_message_is_handed_on(external, jobs, connected, account_id):
    await post_signed(external, "status", account_id, status_callback("sent"))

    response = await post_signed(
        external, "status", account_id, status_callback("undelivered", error_code="30003")
    )

    assert response.status_code == 204
    assert [task_id for _, _, task_id in jobs.sent] == [
        f"twilio:{MESSAGE_SID}:sent",
        f"twilio:{MESSAGE_SID}:undelivered",
    ]
    data = jobs.sent[1][1]["event"]["data"]
    assert (data["status"], data["error_code"]) == ("undelivered", "30003")


async def test_a_signed_callback_missing_its_message_is_invalid(
    external, jobs, connected, account_id
):
    form = {key: value for key, value in inbound_sms().items() if key != "MessageSid"}

    response = await post_signed(external, "sms", account_id, form)

    assert response.status_code == 422
    assert jobs.sent == []


async def test_a_completed_call_is_handed_on_with_its_seconds(
    external, jobs, connected, account_id
):
    response = await post_signed(external, "calls", account_id, call_status_callback())

    assert response.status_code == 204
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", f"twilio:{CALL_SID}:completed")
    assert kwargs["event"]["type"] == "call.status"
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "call_sid": CALL_SID,
        "status": "completed",
        "duration": 61,
        "direction": "inbound",
        "to": NUMBER,
        "from": "+14155552345",
    }


async def test_a_call_status_sent_again_is_handed_on_once(external, jobs, connected, account_id):
    await post_signed(external, "calls", account_id, call_status_callback())

    response = await post_signed(external, "calls", account_id, call_status_callback())

    assert response.status_code == 204
    assert len(jobs.sent) == 1


async def test_a_call_status_with_a_duration_that_is_no_number_is_invalid(
    external, jobs, connected, account_id
):
    form = call_status_callback(duration="a minute")

    response = await post_signed(external, "calls", account_id, form)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert jobs.sent == []
