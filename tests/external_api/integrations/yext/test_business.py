"""A Yext entity's business data for an InstaSite through /v1/e/yext, for the internal API
only, read with the account's key as Yext documents it."""

import pytest

from shared.models.yext_key import YextKey
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.yext import ACCOUNT_ID, API_KEY, ENTITY, VERSION, entity_url
from tests.external_api.integrations.connections import create_key_connection
from tests.external_api.platform_app import from_service


@pytest.fixture
async def connected(account_id) -> YextKey:
    return await create_key_connection("yext", account_id, API_KEY, ACCOUNT_ID)


def business_path(account_id: str, entity_id: str = "loc-1") -> str:
    return f"/v1/e/yext/accounts/{account_id}/entities/{entity_id}/business"


async def test_an_entity_is_read_with_the_key_as_an_instasites_business(
    external, fake, connected, account_id
):
    fake.on("GET", entity_url("loc-1"), json_answer(ENTITY))

    response = await external.get(business_path(account_id), headers=from_service("internal_api"))

    assert response.status_code == 200
    [request] = fake.sent("GET", entity_url("loc-1"))
    assert query_of(request) == {"api_key": API_KEY, "v": VERSION}
    business = response.json()
    assert (business["name"], business["phone"], business["email"]) == (
        "Dee's Doughnuts",
        "+15555550100",
        "hello@dees.test",
    )
    assert business["hours"] == [
        {"days": ["MON"], "opens": "07:00", "closes": "15:00"},
        {"days": ["TUE"], "opens": "07:00", "closes": "11:30"},
        {"days": ["TUE"], "opens": "13:00", "closes": "15:00"},
    ]
    assert business["address"]["lines"] == ["12 Main St"]
    assert business["photos"] == ["https://a.mktgcdn.com/p/shop.jpg"]
    assert business["logo_url"] == "https://a.mktgcdn.com/p/logo.png"


async def test_an_account_without_yext_answers_not_connected(external, fake, account_id):
    response = await external.get(business_path(account_id), headers=from_service("internal_api"))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


async def test_only_the_internal_api_may_ask(external, connected, account_id):
    response = await external.get(business_path(account_id), headers=from_service("queue_manager"))

    assert response.status_code == 403
