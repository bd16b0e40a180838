"""The account's Yext location matching an InstaReport's business, for the queue manager: its
location entities listed with the key as Yext documents it (Entities: List), the best match
answered as a listing with its hours."""

import pytest

from shared.models.yext_key import YextKey
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.yext import ACCOUNT_ID, API, API_KEY, ENTITY, VERSION, wrapped
from tests.external_api.integrations.connections import create_key_connection
from tests.external_api.platform_app import from_service

ENTITIES_URL = f"{API}/accounts/{ACCOUNT_ID}/entities"
OTHER = {
    "meta": {"id": "loc-2", "entityType": "location"},
    "name": "Rise Bakery",
    "mainPhone": "+15555550199",
    "websiteUrl": {"url": "https://rise.test"},
}
ENTITIES = wrapped({"count": 2, "entities": [OTHER, ENTITY["response"]]})
BUSINESS = {"name": "Dee's Doughnuts", "phone": "(555) 555-0100", "website": "dees.test"}


@pytest.fixture
async def connected(account_id) -> YextKey:
    return await create_key_connection("yext", account_id, API_KEY, ACCOUNT_ID)


def listing_path(account_id: str) -> str:
    return f"/v1/e/yext/accounts/{account_id}/listing"


async def test_the_matching_location_is_answered_as_a_listing(
    external, fake, connected, account_id
):
    fake.on("GET", ENTITIES_URL, json_answer(ENTITIES))

    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 200
    assert response.json() == {
        "source": "yext",
        "name": "Dee's Doughnuts",
        "address": "12 Main St, Springfield, IL, 62701",
        "phone": "+15555550100",
        "website": "https://dees.test",
        "hours": ["MON 07:00-15:00", "TUE 07:00-11:30", "TUE 13:00-15:00"],
    }
    [request] = fake.sent("GET", ENTITIES_URL)
    assert query_of(request) == {
        "entityTypes": "location",
        "limit": "50",
        "api_key": API_KEY,
        "v": VERSION,
    }


async def test_no_location_matching_answers_404(external, fake, connected, account_id):
    fake.on("GET", ENTITIES_URL, json_answer(wrapped({"count": 1, "entities": [OTHER]})))

    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 404


async def test_an_account_without_yext_answers_not_connected(external, fake, account_id):
    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


async def test_only_the_queue_manager_may_ask(external, fake, connected, account_id):
    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("internal_api")
    )

    assert response.status_code == 403
    assert fake.requests == []
