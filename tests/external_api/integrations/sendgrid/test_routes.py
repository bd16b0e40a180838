"""SendGrid through /v1/e/sendgrid: connecting with a key that may send mail, and mail sent as
SendGrid's Mail Send documents it."""

import httpx
import pytest
from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.sendgrid_key import SendgridKey
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.sendgrid import (
    API_KEY,
    MAIL_SEND_URL,
    MESSAGE_ID,
    PUBLIC_KEY,
    SCOPES,
    SCOPES_URL,
)
from tests.external_api.integrations.connections import create_key_connection

ACCEPTED = httpx.Response(202, headers={"x-message-id": MESSAGE_ID})
MAIL = {
    "to": [{"email": "grace@example.com", "name": "Grace Hopper"}],
    "sender": {"email": "hello@agency.example.com", "name": "Agency"},
    "subject": "Your quote",
    "text": "Hello Grace",
    "html": "<p>Hello Grace</p>",
}


@pytest.fixture
async def connected(account_id) -> SendgridKey:
    return await create_key_connection("sendgrid", account_id, API_KEY)


async def send(external, account_id: str, role: Role = Role.ADMIN, **mail) -> httpx.Response:
    return await external.post(
        "/v1/e/sendgrid/mail", json={**MAIL, **mail}, headers=headers_for(account_id, role)
    )


async def test_a_member_cannot_send_to_any_address_through_the_accounts_sendgrid(
    external, fake, connected, account_id
):
    response = await send(external, account_id, Role.MEMBER)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert fake.requests == []


async def test_connecting_checks_the_key_may_send_mail(external, fake, admin, account_id):
    fake.on("GET", SCOPES_URL, json_answer(SCOPES))

    response = await external.put(
        "/v1/e/sendgrid/key",
        json={"api_key": API_KEY, "webhook_public_key": PUBLIC_KEY},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    assert fake.sent("GET", SCOPES_URL)[0].headers["authorization"] == f"Bearer {API_KEY}"
    key = await SendgridKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert key.options == {"webhook_public_key": PUBLIC_KEY}


async def test_a_key_without_mail_send_is_refused(external, fake, admin, account_id):
    fake.on("GET", SCOPES_URL, json_answer({"scopes": ["stats.read"]}))

    response = await external.put("/v1/e/sendgrid/key", json={"api_key": API_KEY}, headers=admin)

    assert response.status_code == 422
    assert await SendgridKey.find_one({"account_id": PydanticObjectId(account_id)}) is None


async def test_a_webhook_key_that_is_not_one_is_refused(external, fake, admin):
    response = await external.put(
        "/v1/e/sendgrid/key",
        json={"api_key": API_KEY, "webhook_public_key": "bm90IGEga2V5"},
        headers=admin,
    )

    assert response.status_code == 422
    assert fake.requests == []


async def test_mail_is_sent_as_mail_send_documents_it(external, fake, connected, account_id):
    fake.on("POST", MAIL_SEND_URL, ACCEPTED)

    response = await send(external, account_id, categories=["quotes"])

    assert response.status_code == 202
    assert response.json() == {"message_id": MESSAGE_ID}
    [request] = fake.sent("POST", MAIL_SEND_URL)
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert json_of(request) == {
        "personalizations": [{"to": [{"email": "grace@example.com", "name": "Grace Hopper"}]}],
        "from": {"email": "hello@agency.example.com", "name": "Agency"},
        "subject": "Your quote",
        "content": [
            {"type": "text/plain", "value": "Hello Grace"},
            {"type": "text/html", "value": "<p>Hello Grace</p>"},
        ],
        "custom_args": {"account_id": account_id},
        "categories": ["quotes"],
    }


async def test_a_mail_without_a_body_is_refused_before_sendgrid(
    external, fake, connected, account_id
):
    response = await send(external, account_id, text=None, html=None)

    assert response.status_code == 422
    assert fake.requests == []


async def test_a_subject_holding_a_control_character_is_refused_before_sendgrid(
    external, fake, connected, account_id
):
    response = await send(external, account_id, subject="Quote\x00")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.subject"
    assert fake.requests == []


async def test_a_busy_sendgrid_is_asked_again(external, fake, waits, connected, account_id):
    busy = json_answer({"errors": [{"message": "too many requests"}]}, 429, {"retry-after": "4"})
    fake.on("POST", MAIL_SEND_URL, busy, ACCEPTED)

    response = await send(external, account_id)

    assert response.status_code == 202
    assert len(fake.sent("POST", MAIL_SEND_URL)) == 2
    assert waits == [4]


async def test_sendgrid_refusing_the_mail_says_why(external, fake, connected, account_id):
    refused = {"errors": [{"message": "The from address does not match a verified Sender."}]}
    fake.on("POST", MAIL_SEND_URL, json_answer(refused, 403))

    response = await send(external, account_id)

    assert response.status_code == 403


async def test_without_sendgrid_mail_answers_409(external, fake, account_id):
    response = await send(external, account_id)

    assert response.status_code == 409
    assert fake.requests == []
