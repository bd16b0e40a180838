"""CallTrackingMetrics' call webhook: `X-CTM-Signature` over `X-CTM-Time` and the body checked
with the account's secret key, inside the time window, before anything else; each call handed
on once."""

import json
import time

import pytest

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from tests.external_api.fakes.calltrackingmetrics import (
    ACCESS_KEY,
    ACCOUNT_ID,
    CALL,
    CALL_ID,
    SECRET_KEY,
    signed,
)
from tests.external_api.integrations.connections import create_key_connection


@pytest.fixture
async def connected(account_id):
    return await create_key_connection(
        "calltrackingmetrics", account_id, SECRET_KEY, ACCOUNT_ID, access_key=ACCESS_KEY
    )


def url_of(account_id: str) -> str:
    return f"/v1/e/calltrackingmetrics/webhooks/calls/{account_id}"


async def test_a_signed_call_is_handed_on_for_the_account(external, jobs, connected, account_id):
    body, headers = signed(CALL)

    response = await external.post(url_of(account_id), content=body, headers=headers)

    assert response.json() == {"received": 1, "accepted": 1}
    [(name, kwargs, task_id)] = jobs.sent
    assert name == "integrations.process_webhook"
    assert task_id == f"calltrackingmetrics:{CALL_ID}:call"
    assert kwargs["event"]["data"] == {"account_id": account_id, "call": CALL}


async def test_a_call_sent_again_is_acknowledged_once(external, jobs, connected, account_id):
    body, headers = signed(CALL)
    await external.post(url_of(account_id), content=body, headers=headers)

    response = await external.post(url_of(account_id), content=body, headers=headers)

    assert response.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_signature_with_another_key_is_refused(external, jobs, connected, account_id):
    body, headers = signed(CALL, secret="another-secret-key")

    response = await external.post(url_of(account_id), content=body, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []
    assert await IntegrationWebhookReceipt.find({"provider": "calltrackingmetrics"}).count() == 0


async def test_a_delivery_signed_too_long_ago_is_refused(external, jobs, connected, account_id):
    body, headers = signed(CALL, at=int(time.time()) - 3600)

    response = await external.post(url_of(account_id), content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_a_missing_signature_is_refused(external, jobs, connected, account_id):
    body = json.dumps(CALL).encode()

    response = await external.post(
        url_of(account_id), content=body, headers={"content-type": "application/json"}
    )

    assert response.status_code == 401
    assert jobs.sent == []


async def test_an_account_without_ctm_answers_like_a_bad_signature(external, jobs, account_id):
    body, headers = signed(CALL)

    response = await external.post(url_of(account_id), content=body, headers=headers)

    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []
