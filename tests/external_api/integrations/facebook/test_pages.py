"""The connected user's Pages, read with their Page tokens (kept sealed), and subscribing one
to lead ads with its own token."""

import json

from shared.models.facebook_token import FacebookToken
from tests.external_api.factories import BOX, create_connection
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.facebook import GRAPH, accounts_answer

ACCOUNTS = f"{GRAPH}/me/accounts"


async def test_pages_are_read_page_by_page(external, admin, fake, account_id):
    fake.on(
        "GET",
        ACCOUNTS,
        json_answer(accounts_answer(("p1", "Bakery"), after="cursor-1")),
        json_answer(accounts_answer(("p2", "Cafe"))),
    )
    await create_connection("facebook", account_id, access_token="EAAB-user", refresh_token="")

    response = await external.post("/v1/e/facebook/pages/sync", headers=admin)

    assert response.status_code == 200
    first, second = fake.requests
    assert first.headers["authorization"] == "Bearer EAAB-user"
    assert query_of(first) == {"fields": "id,name,category,access_token", "limit": "100"}
    assert query_of(second)["after"] == "cursor-1"
    assert response.json() == [
        {"id": "p1", "name": "Bakery", "category": "Bakery", "leads_subscribed": False},
        {"id": "p2", "name": "Cafe", "category": "Bakery", "leads_subscribed": False},
    ]


async def test_page_tokens_are_kept_sealed_and_never_answered(external, admin, fake, account_id):
    fake.on("GET", ACCOUNTS, json_answer(accounts_answer(("p1", "Bakery"))))
    await create_connection("facebook", account_id, refresh_token="")

    response = await external.post("/v1/e/facebook/pages/sync", headers=admin)

    assert "page-token-p1" not in response.text
    stored = await FacebookToken.find_one()
    assert "page-token-p1" not in json.dumps(stored.model_dump(mode="json"))
    assert BOX.open(stored.pages[0].access_token) == "page-token-p1"


async def test_a_page_is_subscribed_to_leads_with_its_own_token(external, admin, fake, account_id):
    subscribe = f"{GRAPH}/p1/subscribed_apps"
    fake.on("GET", ACCOUNTS, json_answer(accounts_answer(("p1", "Bakery"))))
    fake.on("POST", subscribe, json_answer({"success": True}))
    await create_connection("facebook", account_id, refresh_token="")
    await external.post("/v1/e/facebook/pages/sync", headers=admin)

    response = await external.post("/v1/e/facebook/pages/p1/leads/subscribe", headers=admin)

    assert response.json()["leads_subscribed"] is True
    (sent,) = fake.sent("POST", subscribe)
    assert sent.headers["authorization"] == "Bearer page-token-p1"
    assert form_of(sent) == {"subscribed_fields": "leadgen"}


async def test_a_subscribed_page_stays_subscribed_when_read_again(
    external, admin, fake, account_id
):
    fake.on("GET", ACCOUNTS, json_answer(accounts_answer(("p1", "Bakery"))))
    fake.on("POST", f"{GRAPH}/p1/subscribed_apps", json_answer({"success": True}))
    await create_connection("facebook", account_id, refresh_token="")
    await external.post("/v1/e/facebook/pages/sync", headers=admin)
    await external.post("/v1/e/facebook/pages/p1/leads/subscribe", headers=admin)

    again = await external.post("/v1/e/facebook/pages/sync", headers=admin)

    assert again.json()[0]["leads_subscribed"] is True


async def test_a_page_the_account_does_not_manage_is_not_found(external, admin, fake, account_id):
    await create_connection("facebook", account_id, refresh_token="")

    response = await external.post("/v1/e/facebook/pages/other/leads/subscribe", headers=admin)

    assert response.status_code == 404
    assert fake.requests == []
