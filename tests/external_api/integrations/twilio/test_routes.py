"""Twilio through /v1/e/twilio with the account's SID and Auth Token: connecting, SMS sent from
its own numbers with a status callback, numbers searched, bought and listed."""

import base64

import httpx
import pytest
from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.twilio_key import TwilioKey
from shared.models.twilio_number import TwilioNumber
from tests.external_api.conftest import PUBLIC, headers_for
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.twilio import (
    ACCOUNT,
    ACCOUNT_SID,
    ACCOUNT_URL,
    AUTH_TOKEN,
    AVAILABLE,
    AVAILABLE_URL,
    BOUGHT,
    CUSTOMER,
    INCOMING_URL,
    MESSAGE_SID,
    MESSAGES_URL,
    NUMBER,
    message,
)
from tests.external_api.integrations.connections import create_key_connection

BASIC = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()


@pytest.fixture
async def connected(account_id) -> TwilioKey:
    return await create_key_connection("twilio", account_id, AUTH_TOKEN, ACCOUNT_SID)


async def own_number(account_id: str, phone_number: str = NUMBER) -> TwilioNumber:
    return await TwilioNumber(
        account_id=PydanticObjectId(account_id),
        phone_number=phone_number,
        sid="PN1",
        twilio_account_sid=ACCOUNT_SID,
    ).insert()


async def send_sms(external, account_id: str, role: Role = Role.ADMIN, **sms) -> httpx.Response:
    body = {"to": CUSTOMER, "sender": NUMBER, "body": "Your order is ready", **sms}
    return await external.post("/v1/e/twilio/sms", json=body, headers=headers_for(account_id, role))


async def test_a_member_cannot_text_any_number_through_the_accounts_twilio(
    external, fake, connected, account_id
):
    response = await send_sms(external, account_id, Role.MEMBER)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert fake.requests == []


async def test_connecting_checks_the_sid_and_token_on_the_account(
    external, fake, admin, account_id
):
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))

    response = await external.put(
        "/v1/e/twilio/key",
        json={"api_key": AUTH_TOKEN, "account_sid": ACCOUNT_SID},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    assert fake.sent("GET", ACCOUNT_URL)[0].headers["authorization"] == BASIC
    key = await TwilioKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert (key.external_id, key.label) == (ACCOUNT_SID, "Dee's Doughnuts")


async def test_an_sms_is_sent_as_a_form_with_basic_auth_and_a_status_callback(
    external, fake, connected, account_id
):
    await own_number(account_id)
    fake.on("POST", MESSAGES_URL, json_answer(message(), 201))

    response = await send_sms(external, account_id)

    assert response.status_code == 201
    assert (response.json()["sid"], response.json()["status"]) == (MESSAGE_SID, "queued")
    [request] = fake.sent("POST", MESSAGES_URL)
    assert request.headers["authorization"] == BASIC
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert form_of(request) == {
        "To": CUSTOMER,
        "From": NUMBER,
        "Body": "Your order is ready",
        "StatusCallback": f"{PUBLIC}/v1/e/twilio/webhooks/status/{account_id}",
    }


async def test_an_sms_from_a_number_the_account_does_not_own_is_refused(
    external, fake, connected, account_id
):
    await own_number(str(PydanticObjectId()))

    response = await send_sms(external, account_id)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "not_the_accounts_number"
    assert response.json()["error"]["details"][0]["field"] == "body.sender"
    assert fake.requests == []


async def test_a_busy_twilio_is_asked_again_after_its_retry_after(
    external, fake, waits, connected, account_id
):
    await own_number(account_id)
    busy = json_answer({"code": 20429, "message": "Too Many Requests"}, 429, {"retry-after": "1"})
    fake.on("POST", MESSAGES_URL, busy, json_answer(message(), 201))

    response = await send_sms(external, account_id)

    assert response.status_code == 201
    assert len(fake.sent("POST", MESSAGES_URL)) == 2
    assert waits == [1]


async def test_twilio_refusing_a_number_says_why(external, fake, connected, account_id):
    await own_number(account_id)
    refused = {
        "code": 21211,
        "message": "The 'To' number +15005550001 is not a valid phone number.",
    }
    fake.on("POST", MESSAGES_URL, json_answer(refused, 400))

    response = await send_sms(external, account_id)

    assert response.status_code == 422
    assert "not a valid phone number" in response.json()["error"]["message"]


async def test_available_numbers_are_searched_for_sms(external, fake, connected, account_id):
    fake.on("GET", AVAILABLE_URL, json_answer(AVAILABLE))

    response = await external.get(
        "/v1/e/twilio/available-numbers",
        params={"country": "US", "area_code": "510", "limit": 5},
        headers=headers_for(account_id),
    )

    [request] = fake.sent("GET", AVAILABLE_URL)
    assert query_of(request) == {"SmsEnabled": "true", "PageSize": "5", "AreaCode": "510"}
    assert request.headers["authorization"] == BASIC
    [number] = response.json()
    assert (number["phone_number"], number["locality"], number["capabilities"]["sms"]) == (
        NUMBER,
        "Oakland",
        True,
    )


async def test_a_bought_number_points_its_sms_and_calls_at_the_account_and_is_kept(
    external, fake, connected, account_id
):
    fake.on("POST", INCOMING_URL, json_answer(BOUGHT, 201))

    response = await external.post(
        "/v1/e/twilio/numbers", json={"phone_number": NUMBER}, headers=headers_for(account_id)
    )

    assert response.status_code == 201
    [request] = fake.sent("POST", INCOMING_URL)
    assert form_of(request) == {
        "PhoneNumber": NUMBER,
        "SmsUrl": f"{PUBLIC}/v1/e/twilio/webhooks/sms/{account_id}",
        "SmsMethod": "POST",
        "StatusCallback": f"{PUBLIC}/v1/e/twilio/webhooks/calls/{account_id}",
        "StatusCallbackMethod": "POST",
    }
    number = await TwilioNumber.find_one({"phone_number": NUMBER})
    assert (str(number.account_id), number.sid, number.twilio_account_sid) == (
        account_id,
        BOUGHT["sid"],
        ACCOUNT_SID,
    )


async def test_a_number_another_account_holds_is_not_bought_again(
    external, fake, connected, account_id
):
    await own_number(str(PydanticObjectId()))

    response = await external.post(
        "/v1/e/twilio/numbers", json={"phone_number": NUMBER}, headers=headers_for(account_id)
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "number_taken"
    assert fake.requests == []


async def test_the_accounts_numbers_are_listed(external, account_id):
    await own_number(account_id)
    await own_number(str(PydanticObjectId()), "+15105550000")

    response = await external.get(
        "/v1/e/twilio/numbers", headers=headers_for(account_id, Role.MEMBER)
    )

    assert [n["phone_number"] for n in response.json()["data"]] == [NUMBER]


async def test_without_twilio_sms_answers_409(external, fake, account_id):
    await own_number(account_id)

    response = await send_sms(external, account_id)

    assert response.status_code == 409
    assert fake.requests == []
