"""FCM on the platform's Firebase project: push sent for the notifications service alone, FCM's
answers as the external API's errors, its 429 waited out as Retry-After says."""

import httpx
import pytest

from external_api.integrations.fcm.settings import FcmSettings
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import Answer, json_of
from tests.external_api.fakes.fcm import (
    FCM_PROJECT,
    FCM_URL,
    GOOGLE_TOKEN_URL,
    SEND_URL,
    fcm_invalid_token,
    fcm_quota_exceeded,
    fcm_sent,
    fcm_unregistered,
    google_error,
    google_token,
    service_account_json,
)
from tests.external_api.platform_app import from_service

PATH = "/v1/e/fcm/messages"
PUSH = {"token": "fcm-device-token", "title": "New lead", "body": "Grace", "data": {"id": "42"}}
FCM = FcmSettings(
    project_id=FCM_PROJECT, service_account_json=service_account_json(), api_url=FCM_URL
)


def fcm_answers(fake, *sends: Answer, token: Answer = google_token) -> None:
    """Google's token endpoint answering `token`, then FCM each of `sends` (a success when none)."""
    fake.on("POST", GOOGLE_TOKEN_URL, token)
    fake.on("POST", SEND_URL, *(sends or (fcm_sent,)))


@pytest.fixture
async def fcm_api(start_external):
    async with start_external(fcm=FCM) as client:
        yield client


async def test_a_push_is_sent_to_fcm_with_the_service_accounts_token(fcm_api, fake):
    fcm_answers(fake)

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 200, response.text
    assert response.json()["name"].startswith(f"projects/{FCM_PROJECT}/messages/")
    (sent,) = fake.sent("POST", SEND_URL)
    assert sent.headers["authorization"].startswith("Bearer ya29.token-")
    assert json_of(sent) == {
        "message": {
            "token": "fcm-device-token",
            "notification": {"title": "New lead", "body": "Grace"},
            "data": {"id": "42"},
        }
    }


async def test_another_service_is_refused_and_nothing_is_sent(fcm_api, fake):
    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("queue_manager"))

    assert response.status_code == 403
    assert fake.requests == []


async def test_a_user_is_refused_and_nothing_is_sent(fcm_api, fake):
    response = await fcm_api.post(PATH, json=PUSH, headers=headers_for("acc-1"))

    assert response.status_code == 401
    assert fake.requests == []


async def test_a_message_without_a_token_is_invalid_and_nothing_is_sent(fcm_api, fake):
    response = await fcm_api.post(
        PATH, json={**PUSH, "token": ""}, headers=from_service("notifications")
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert fake.requests == []


@pytest.mark.parametrize("dead", [fcm_unregistered(), fcm_invalid_token()])
async def test_a_token_fcm_says_is_dead_answers_push_token_invalid(fcm_api, fake, dead):
    fcm_answers(fake, dead)

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "push_token_invalid"


async def test_a_429_is_tried_again_after_its_retry_after(fcm_api, fake, waits):
    fcm_answers(fake, fcm_quota_exceeded(7), fcm_sent)

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 200
    assert waits == [7]
    assert len(fake.sent("POST", SEND_URL)) == 2


async def test_a_429_that_lasts_answers_429_with_fcms_retry_after(fcm_api, fake):
    fcm_answers(fake, fcm_quota_exceeded(7))

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert "RESOURCE_EXHAUSTED (QUOTA_EXCEEDED)" in response.json()["error"]["message"]


async def test_a_503_is_tried_again(fcm_api, fake):
    busy = google_error(
        503, "UNAVAILABLE", "The service is unavailable.", headers={"Retry-After": "1"}
    )
    fcm_answers(fake, busy, fcm_sent)

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 200
    assert len(fake.sent("POST", SEND_URL)) == 2


async def test_a_401_asks_google_for_a_new_access_token_next_time(fcm_api, fake):
    expired = google_error(
        401, "UNAUTHENTICATED", "Request had invalid authentication credentials."
    )
    fcm_answers(fake, expired, fcm_sent)

    first = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))
    second = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert (first.status_code, second.status_code) == (502, 200)
    assert len(fake.sent("POST", GOOGLE_TOKEN_URL)) == 2
    before, after = fake.sent("POST", SEND_URL)
    assert before.headers["authorization"] != after.headers["authorization"]


async def test_without_a_service_account_push_answers_fcm_not_configured(start_external, fake):
    async with start_external() as external:
        response = await external.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "fcm_not_configured"
    assert fake.requests == []


async def test_a_refused_service_account_answers_push_rejected(fcm_api, fake):
    refused = httpx.Response(
        400, json={"error": "invalid_grant", "error_description": "Invalid JWT"}
    )
    fcm_answers(fake, token=refused)

    response = await fcm_api.post(PATH, json=PUSH, headers=from_service("notifications"))

    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["message"]) == ("push_rejected", "400 Invalid JWT")
    assert fake.sent("POST", SEND_URL) == []
