"""CallTrackingMetrics through /v1/e/calltrackingmetrics: connecting with a key pair checked
once, calls listed and read with HTTP basic auth (CTM's paging mapped onto the platform's),
retries on a 429, and the webhook URL."""

import pytest
from beanie import PydanticObjectId

from shared.models.ctm_key import CtmKey
from shared.models.membership import Role
from tests.external_api.conftest import PUBLIC, headers_for
from tests.external_api.factories import BOX
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.calltrackingmetrics import (
    ACCESS_KEY,
    ACCOUNT,
    ACCOUNT_ID,
    ACCOUNT_URL,
    BASIC,
    CALL,
    CALL_ID,
    CALL_URL,
    CALLS_URL,
    SECRET_KEY,
    calls_page,
)
from tests.external_api.integrations.connections import create_key_connection

CONNECT = {"api_key": SECRET_KEY, "access_key": ACCESS_KEY, "ctm_account_id": ACCOUNT_ID}


@pytest.fixture
async def connected(account_id) -> CtmKey:
    return await create_key_connection(
        "calltrackingmetrics", account_id, SECRET_KEY, ACCOUNT_ID, access_key=ACCESS_KEY
    )


async def test_connecting_checks_the_pair_on_the_account_and_keeps_the_secret_sealed(
    external, fake, admin, account_id
):
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))

    response = await external.put("/v1/e/calltrackingmetrics/key", json=CONNECT, headers=admin)

    assert response.status_code == 200, response.text
    [check] = fake.sent("GET", ACCOUNT_URL)
    assert check.headers["authorization"] == BASIC
    key = await CtmKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert (key.ctm_account_id, key.access_key, key.label) == (
        ACCOUNT_ID,
        ACCESS_KEY,
        "Dee's Doughnuts",
    )
    assert BOX.open(key.api_key) == SECRET_KEY


async def test_a_pair_ctm_refuses_is_not_stored(external, fake, admin, account_id):
    fake.on("GET", ACCOUNT_URL, json_answer({"error": "Unauthorized"}, 401))

    response = await external.put("/v1/e/calltrackingmetrics/key", json=CONNECT, headers=admin)

    assert response.status_code == 409
    assert await CtmKey.find_one({"account_id": PydanticObjectId(account_id)}) is None


async def test_calls_are_asked_a_page_at_a_time_with_basic_auth(
    external, fake, connected, account_id
):
    fake.on("GET", CALLS_URL, json_answer(calls_page(page=2, total_pages=3, total_entries=25)))

    response = await external.get(
        "/v1/e/calltrackingmetrics/calls",
        params={"page": 2, "limit": 10, "start_date": "2024-03-01"},
        headers=headers_for(account_id, Role.MEMBER),
    )

    [request] = fake.sent("GET", CALLS_URL)
    assert request.headers["authorization"] == BASIC
    assert query_of(request) == {"page": "2", "per_page": "10", "start_date": "2024-03-01"}
    body = response.json()
    assert body["pagination"] == {"page": 2, "limit": 10, "total": 25, "next_page": 3}
    assert body["data"][0]["caller_number"] == CALL["caller_number"]


async def test_the_last_page_has_no_next_page(external, fake, connected, account_id):
    fake.on("GET", CALLS_URL, json_answer(calls_page(page=3, total_pages=3, total_entries=25)))

    response = await external.get(
        "/v1/e/calltrackingmetrics/calls", params={"page": 3}, headers=headers_for(account_id)
    )

    assert response.json()["pagination"]["next_page"] is None


async def test_a_busy_ctm_is_asked_again_after_its_retry_after(
    external, fake, waits, connected, account_id
):
    fake.on(
        "GET",
        CALL_URL,
        json_answer({"error": "Rate limit exceeded"}, 429, {"retry-after": "4"}),
        json_answer(CALL),
    )

    response = await external.get(
        f"/v1/e/calltrackingmetrics/calls/{CALL_ID}", headers=headers_for(account_id)
    )

    assert response.json()["id"] == int(CALL_ID)
    assert len(fake.sent("GET", CALL_URL)) == 2
    assert waits == [4]


async def test_a_call_id_not_ctms_is_refused_before_any_request(
    external, fake, connected, account_id
):
    response = await external.get(
        "/v1/e/calltrackingmetrics/calls/..%2Fsecret", headers=headers_for(account_id)
    )

    assert response.status_code in (404, 422)
    assert fake.requests == []


async def test_the_webhook_url_names_the_account(external, connected, admin, account_id):
    response = await external.get("/v1/e/calltrackingmetrics/webhook", headers=admin)

    assert response.json() == {
        "webhook_url": f"{PUBLIC}/v1/e/calltrackingmetrics/webhooks/calls/{account_id}"
    }
