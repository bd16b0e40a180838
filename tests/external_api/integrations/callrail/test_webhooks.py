"""CallRail's post-call webhook: signed with the company's key (base64 HMAC-SHA1 of the body in
`Signature`), each call handed to the queue manager once; anything unsigned changes nothing."""

import json

import pytest
from beanie import PydanticObjectId

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.signatures import sign_body_hmac_sha1
from tests.external_api.conftest import PUBLIC, headers_for
from tests.external_api.fakes.callrail import ACCOUNT_ID, API_KEY, CALL_ID, POST_CALL, SIGNING_KEY
from tests.external_api.integrations.connections import create_key_connection, sealed

BODY = json.dumps(POST_CALL).encode()


def webhook_url(account_id: str) -> str:
    return f"/v1/e/callrail/webhooks/calls/{account_id}"


@pytest.fixture
async def connected(account_id):
    return await create_key_connection(
        "callrail", account_id, API_KEY, ACCOUNT_ID, webhook_signing_key=sealed(SIGNING_KEY)
    )


async def post_call(external, account_id: str, body: bytes = BODY, signature: str | None = None):
    headers = {"content-type": "application/json"}
    if signature is not False:
        headers["signature"] = signature or sign_body_hmac_sha1(SIGNING_KEY, body)
    return await external.post(webhook_url(account_id), content=body, headers=headers)


async def test_a_signed_call_is_handed_to_the_queue_manager(external, jobs, connected, account_id):
    response = await post_call(external, account_id)

    assert response.status_code == 200
    assert response.json() == {"received": 1, "accepted": 1}
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", f"callrail:{CALL_ID}:post_call")
    assert kwargs["provider"] == "callrail"
    assert kwargs["event"]["type"] == "post_call"
    assert kwargs["event"]["data"] == {"account_id": account_id, "call": POST_CALL}


async def test_a_call_sent_again_is_acknowledged_without_a_second_job(
    external, jobs, connected, account_id
):
    await post_call(external, account_id)

    response = await post_call(external, account_id)

    assert response.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_wrong_signature_is_refused_and_changes_nothing(
    external, jobs, connected, account_id
):
    forged = sign_body_hmac_sha1("another-key", BODY)

    response = await post_call(external, account_id, signature=forged)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []
    assert await IntegrationWebhookReceipt.find({"provider": "callrail"}).count() == 0


async def test_a_missing_signature_is_refused(external, jobs, connected, account_id):
    response = await post_call(external, account_id, signature=False)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_signature_that_is_not_ascii_is_refused(external, jobs, connected, account_id):
    headers = {"content-type": "application/json", "signature": "é".encode() * 14}

    response = await external.post(webhook_url(account_id), content=BODY, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_signed_body_nested_too_deep_is_an_invalid_body(
    external, jobs, connected, account_id
):
    body = b"[" * 50_000 + b"]" * 50_000

    response = await post_call(external, account_id, body)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_body"
    assert jobs.sent == []


async def test_a_changed_body_under_a_genuine_signature_is_refused(
    external, jobs, connected, account_id
):
    signature = sign_body_hmac_sha1(SIGNING_KEY, BODY)
    changed = BODY.replace(b"Grace Hopper", b"Mallory")

    response = await post_call(external, account_id, body=changed, signature=signature)

    assert response.status_code == 401


async def test_an_account_without_a_signing_key_refuses_every_call(external, jobs, account_id):
    await create_key_connection("callrail", account_id, API_KEY, ACCOUNT_ID)

    response = await post_call(external, account_id)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_signed_body_that_is_not_a_call_is_invalid(external, jobs, connected, account_id):
    body = b'{"hello": "world"}'

    response = await post_call(external, account_id, body=body)

    assert response.status_code == 422
    assert jobs.sent == []


async def test_an_admin_keeps_the_signing_key_sealed(external, jobs, account_id):
    await create_key_connection("callrail", account_id, API_KEY, ACCOUNT_ID)

    response = await external.put(
        "/v1/e/callrail/webhook-key",
        json={"signing_key": SIGNING_KEY},
        headers=headers_for(account_id),
    )
    accepted = await post_call(external, account_id)

    assert response.json() == {"webhook_url": f"{PUBLIC}{webhook_url(account_id)}"}
    assert accepted.json()["accepted"] == 1


async def test_another_accounts_url_does_not_accept_this_accounts_signature(
    external, jobs, connected
):
    other = str(PydanticObjectId())
    await create_key_connection(
        "callrail", other, API_KEY, ACCOUNT_ID, webhook_signing_key=sealed("other-key")
    )

    response = await post_call(external, other)

    assert response.status_code == 401
