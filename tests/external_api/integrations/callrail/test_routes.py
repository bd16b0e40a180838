"""CallRail through /v1/e/callrail: connecting with a key checked once, calls listed and read
with the account's key (CallRail's paging mapped onto the platform's), recordings, retries and
refusals; every request checked as CallRail documents it."""

import pytest
from beanie import PydanticObjectId

from shared.models.callrail_key import CallrailKey
from shared.models.integration_credential import ConnectionStatus
from shared.models.membership import Role
from tests.external_api.conftest import headers_for
from tests.external_api.factories import BOX
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.callrail import (
    ACCOUNT,
    ACCOUNT_ID,
    ACCOUNT_URL,
    API_KEY,
    CALL,
    CALL_ID,
    CALL_URL,
    CALLS_URL,
    RECORDING,
    RECORDING_URL,
    TOKEN_HEADER,
    calls_page,
)
from tests.external_api.integrations.connections import create_key_connection


@pytest.fixture
async def connected(account_id) -> CallrailKey:
    return await create_key_connection("callrail", account_id, API_KEY, ACCOUNT_ID)


async def test_connecting_checks_the_key_on_the_account_and_keeps_it_sealed(
    external, fake, admin, account_id
):
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))

    response = await external.put(
        "/v1/e/callrail/key",
        json={"api_key": API_KEY, "callrail_account_id": ACCOUNT_ID},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    [check] = fake.sent("GET", ACCOUNT_URL)
    assert check.headers["authorization"] == TOKEN_HEADER
    key = await CallrailKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert (key.callrail_account_id, key.label) == (ACCOUNT_ID, "Dee's Doughnuts")
    assert API_KEY not in key.api_key
    assert BOX.open(key.api_key) == API_KEY


async def test_a_key_callrail_refuses_is_not_stored(external, fake, admin, account_id):
    fake.on("GET", ACCOUNT_URL, json_answer({"error": "HTTP Token: Access denied."}, 401))

    response = await external.put(
        "/v1/e/callrail/key",
        json={"api_key": "wrong", "callrail_account_id": ACCOUNT_ID},
        headers=admin,
    )

    assert response.status_code == 409
    assert await CallrailKey.find_one({"account_id": PydanticObjectId(account_id)}) is None


async def test_calls_are_asked_a_page_at_a_time_with_the_accounts_key(
    external, fake, connected, account_id
):
    fake.on("GET", CALLS_URL, json_answer(calls_page(page=2, total_pages=3, total_records=25)))

    response = await external.get(
        "/v1/e/callrail/calls",
        params={"page": 2, "limit": 10, "direction": "inbound", "start_date": "2024-03-01"},
        headers=headers_for(account_id, Role.MEMBER),
    )

    [request] = fake.sent("GET", CALLS_URL)
    assert request.headers["authorization"] == TOKEN_HEADER
    assert query_of(request) == {
        "page": "2",
        "per_page": "10",
        "sort": "start_time",
        "order": "desc",
        "direction": "inbound",
        "start_date": "2024-03-01",
    }
    assert response.status_code == 200
    assert response.json()["pagination"] == {"page": 2, "limit": 10, "total": 25, "next_page": 3}
    assert response.json()["data"][0]["customer_phone_number"] == "+13036231131"


async def test_the_last_page_has_no_next_page(external, fake, connected, account_id):
    fake.on("GET", CALLS_URL, json_answer(calls_page(page=1, total_pages=1, total_records=1)))

    response = await external.get("/v1/e/callrail/calls", headers=headers_for(account_id))

    assert response.json()["pagination"]["next_page"] is None


async def test_a_call_is_read_by_its_id(external, fake, connected, account_id):
    fake.on("GET", CALL_URL, json_answer(CALL))

    response = await external.get(
        f"/v1/e/callrail/calls/{CALL_ID}", headers=headers_for(account_id)
    )

    assert response.json()["id"] == CALL_ID
    assert response.json()["recording"] == RECORDING_URL
    assert fake.sent("GET", CALL_URL)[0].headers["authorization"] == TOKEN_HEADER


async def test_a_recording_answers_callrails_link(external, fake, connected, account_id):
    fake.on("GET", RECORDING_URL, json_answer(RECORDING))

    response = await external.get(
        f"/v1/e/callrail/calls/{CALL_ID}/recording", headers=headers_for(account_id)
    )

    assert response.json() == RECORDING


async def test_a_call_without_a_recording_answers_404(external, fake, connected, account_id):
    fake.on("GET", RECORDING_URL, json_answer({"error": "Not found"}, 404))

    response = await external.get(
        f"/v1/e/callrail/calls/{CALL_ID}/recording", headers=headers_for(account_id)
    )

    assert response.status_code == 404


async def test_a_busy_callrail_is_asked_again_after_its_retry_after(
    external, fake, waits, connected, account_id
):
    fake.on(
        "GET",
        CALL_URL,
        json_answer({"error": "Too many requests"}, 429, {"retry-after": "2"}),
        json_answer(CALL),
    )

    response = await external.get(
        f"/v1/e/callrail/calls/{CALL_ID}", headers=headers_for(account_id)
    )

    assert response.status_code == 200
    assert len(fake.sent("GET", CALL_URL)) == 2
    assert waits == [2]


async def test_a_key_callrail_stops_accepting_marks_the_connection(
    external, fake, connected, account_id
):
    fake.on("GET", CALL_URL, json_answer({"error": "HTTP Token: Access denied."}, 401))

    response = await external.get(
        f"/v1/e/callrail/calls/{CALL_ID}", headers=headers_for(account_id)
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    key = await CallrailKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert key.status is ConnectionStatus.RECONNECT_NEEDED


async def test_without_callrail_calls_answer_409_without_asking_it(external, fake, account_id):
    response = await external.get("/v1/e/callrail/calls", headers=headers_for(account_id))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


async def test_a_call_id_outside_callrails_alphabet_is_refused(external, connected, account_id):
    response = await external.get(
        "/v1/e/callrail/calls/..%2Fsecrets", headers=headers_for(account_id)
    )

    assert response.status_code in (404, 422)
