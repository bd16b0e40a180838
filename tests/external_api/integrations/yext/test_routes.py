"""Yext through /v1/e/yext with the account's key: connecting, the publishers and the listings'
statuses (Yext's offset paging mapped onto the platform's), as Yext documents them."""

import pytest
from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.yext_key import YextKey
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.yext import (
    ACCOUNT,
    ACCOUNT_ID,
    ACCOUNT_URL,
    API_KEY,
    LISTINGS_URL,
    PUBLISHERS,
    PUBLISHERS_URL,
    VERSION,
    listings,
)
from tests.external_api.integrations.connections import create_key_connection


@pytest.fixture
async def connected(account_id) -> YextKey:
    return await create_key_connection("yext", account_id, API_KEY, ACCOUNT_ID)


async def test_connecting_checks_the_key_on_the_account(external, fake, admin, account_id):
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))

    response = await external.put(
        "/v1/e/yext/key",
        json={"api_key": API_KEY, "yext_account_id": ACCOUNT_ID},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    [check] = fake.sent("GET", ACCOUNT_URL)
    assert query_of(check) == {"api_key": API_KEY, "v": VERSION}
    key = await YextKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert (key.external_id, key.label) == (ACCOUNT_ID, "Dee's Doughnuts")


async def test_the_publishers_are_read_with_the_key_and_version(
    external, fake, connected, account_id
):
    fake.on("GET", PUBLISHERS_URL, json_answer(PUBLISHERS))

    response = await external.get(
        "/v1/e/yext/publishers", headers=headers_for(account_id, Role.MEMBER)
    )

    [request] = fake.sent("GET", PUBLISHERS_URL)
    assert query_of(request) == {"api_key": API_KEY, "v": VERSION}
    [publisher] = response.json()
    assert publisher["id"] == "GOOGLEMYBUSINESS"
    assert publisher["alternate_brands"] == [{"brand_name": "Waze", "url": "", "listing_url": None}]
    assert publisher["typical_update_speed"] == 86400


async def test_listings_are_asked_by_offset_with_the_filters(external, fake, connected, account_id):
    fake.on("GET", LISTINGS_URL, json_answer(listings(count=45)))

    response = await external.get(
        "/v1/e/yext/listings",
        params=[
            ("page", 2),
            ("limit", 20),
            ("location_id", "loc-1"),
            ("location_id", "loc-2"),
            ("status", "LIVE"),
            ("status", "UNAVAILABLE"),
        ],
        headers=headers_for(account_id),
    )

    [request] = fake.sent("GET", LISTINGS_URL)
    assert query_of(request) == {
        "limit": "20",
        "offset": "20",
        "locationIds": "loc-1,loc-2",
        "statuses": "LIVE,UNAVAILABLE",
        "api_key": API_KEY,
        "v": VERSION,
    }
    assert response.json()["pagination"] == {"page": 2, "limit": 20, "total": 45, "next_page": 3}


async def test_a_listing_keeps_its_status_and_why_it_is_unavailable(
    external, fake, connected, account_id
):
    fake.on("GET", LISTINGS_URL, json_answer(listings(count=2)))

    response = await external.get("/v1/e/yext/listings", headers=headers_for(account_id))

    live, unavailable = response.json()["data"]
    assert (live["publisher_id"], live["status"], live["location_id"]) == (
        "GOOGLEMYBUSINESS",
        "LIVE",
        "loc-1",
    )
    assert unavailable["status_details"][0]["code"] == "MISSING_CATEGORY"
    assert response.json()["pagination"]["next_page"] is None


async def test_a_status_yext_does_not_have_is_refused(external, fake, connected, account_id):
    response = await external.get(
        "/v1/e/yext/listings", params={"status": "GONE"}, headers=headers_for(account_id)
    )

    assert response.status_code == 422
    assert fake.requests == []


async def test_a_busy_yext_is_asked_again(external, fake, waits, connected, account_id):
    busy = json_answer({"meta": {"errors": [{"code": 42}]}}, 429, {"retry-after": "1"})
    fake.on("GET", PUBLISHERS_URL, busy, json_answer(PUBLISHERS))

    response = await external.get("/v1/e/yext/publishers", headers=headers_for(account_id))

    assert response.status_code == 200
    assert len(fake.sent("GET", PUBLISHERS_URL)) == 2
    assert waits == [1]


async def test_an_answer_without_a_response_is_an_upstream_error(
    external, fake, connected, account_id
):
    fake.on("GET", PUBLISHERS_URL, json_answer({"meta": {"errors": []}}))

    response = await external.get("/v1/e/yext/publishers", headers=headers_for(account_id))

    assert response.status_code == 502


async def test_without_yext_the_publishers_answer_409(external, fake, account_id):
    response = await external.get("/v1/e/yext/publishers", headers=headers_for(account_id))

    assert response.status_code == 409
    assert fake.requests == []
