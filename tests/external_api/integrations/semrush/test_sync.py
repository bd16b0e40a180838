"""Semrush through /v1/e/semrush with the account's key: connecting checks the key on its units
balance; a sync reads the domain's overview, keywords and backlinks as documented and stores
them as today's metrics, once however often it runs; error lines answer as their codes say."""

import pytest
from beanie import PydanticObjectId

from shared.domain.analytics.repository import stored_rows
from shared.models.semrush_key import SemrushKey
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.external_api.fakes import query_of
from tests.external_api.fakes.semrush import (
    ANALYTICS_URL,
    API_KEY,
    BACKLINKS_OVERVIEW,
    BACKLINKS_URL,
    DOMAIN,
    DOMAIN_ORGANIC,
    DOMAIN_RANKS,
    NOTHING_FOUND,
    UNITS_URL,
    WRONG_KEY,
    by_type,
    text_answer,
)
from tests.external_api.integrations.connections import create_key_connection

SYNC = "/v1/e/semrush/sync"


@pytest.fixture
async def connected(account_id) -> SemrushKey:
    return await create_key_connection("semrush", account_id, API_KEY, DOMAIN, database="uk")


def answer_everything(fake, **overrides) -> None:
    answers = {"domain_ranks": DOMAIN_RANKS, "domain_organic": DOMAIN_ORGANIC} | overrides
    fake.on("GET", ANALYTICS_URL, by_type(answers))
    fake.on("GET", BACKLINKS_URL, text_answer(BACKLINKS_OVERVIEW))


async def test_connecting_checks_the_key_on_its_units_balance(external, fake, admin, account_id):
    fake.on("GET", UNITS_URL, text_answer("125000"))

    response = await external.put(
        "/v1/e/semrush/key", json={"api_key": API_KEY, "domain": DOMAIN}, headers=admin
    )

    assert response.status_code == 200, response.text
    [check] = fake.sent("GET", UNITS_URL)
    assert query_of(check) == {"key": API_KEY}
    key = await SemrushKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert (key.domain, key.database) == (DOMAIN, "us")


async def test_a_refused_key_is_not_stored(external, fake, admin, account_id):
    fake.on("GET", UNITS_URL, text_answer(WRONG_KEY))

    response = await external.put(
        "/v1/e/semrush/key", json={"api_key": API_KEY, "domain": DOMAIN}, headers=admin
    )

    assert response.json()["error"]["code"] == "reconnect_needed"
    assert await SemrushKey.find_one({"account_id": PydanticObjectId(account_id)}) is None


async def test_a_sync_asks_the_three_reports_as_documented(external, fake, admin, connected):
    answer_everything(fake)

    await external.post(SYNC, headers=admin)

    ranks, organic = (query_of(sent) for sent in fake.sent("GET", ANALYTICS_URL))
    assert ranks == {
        "type": "domain_ranks",
        "domain": DOMAIN,
        "database": "uk",
        "export_columns": "Dn,Rk,Or,Ot,Oc",
        "key": API_KEY,
    }
    assert (organic["type"], organic["export_columns"]) == ("domain_organic", "Ph,Po,Nq,Tr,Ur")
    [backlinks] = fake.sent("GET", BACKLINKS_URL)
    assert query_of(backlinks) == {
        "type": "backlinks_overview",
        "target": DOMAIN,
        "target_type": "root_domain",
        "export_columns": "ascore,total,domains_num",
        "key": API_KEY,
    }


async def test_a_sync_run_twice_stores_one_snapshot_of_the_day(external, fake, admin, connected):
    answer_everything(fake)

    await external.post(SYNC, headers=admin)
    response = await external.post(SYNC, headers=admin)

    rows = await stored_rows(connected.account_id, "semrush")
    assert response.json()["rows"] == len(rows) == 13
    domain = {row.metric: row.value for row in rows if row.entity_type == "domain"}
    assert domain == {
        "rank": 48211,
        "organic_keywords": 1520,
        "organic_traffic": 8734,
        "organic_cost": 219550,
        "authority_score": 34,
        "backlinks": 5821,
        "referring_domains": 312,
    }
    positions = {row.entity_id: row.value for row in rows if row.metric == "position"}
    assert positions == {"sourdough near me": 3, "birthday cakes denver": 7}


async def test_a_domain_semrush_knows_nothing_of_stores_no_keywords(
    external, fake, admin, connected
):
    answer_everything(fake, domain_organic=NOTHING_FOUND)

    response = await external.post(SYNC, headers=admin)

    assert response.status_code == 200
    rows = await stored_rows(connected.account_id, "semrush")
    assert {row.entity_type for row in rows} == {"domain"}


async def test_a_key_error_line_asks_to_reconnect_and_stores_nothing(
    external, fake, admin, connected
):
    answer_everything(fake, domain_ranks=WRONG_KEY)

    response = await external.post(SYNC, headers=admin)

    assert response.json()["error"]["code"] == "reconnect_needed"
    assert await stored_rows(connected.account_id, "semrush") == []


def from_service(name: str) -> dict:
    token = service_token(authenticator_for(ServiceSettings()), name, "external_api")
    return {"authorization": f"Bearer {token}"}


async def test_a_prospects_visibility_is_read_with_the_accounts_key(external, fake, connected):
    fake.on("GET", ANALYTICS_URL, by_type({"domain_ranks": DOMAIN_RANKS}))
    body = {"account_id": str(connected.account_id), "domain": "prospect.example"}

    response = await external.post(
        "/v1/e/semrush/visibility", json=body, headers=from_service("queue_manager")
    )

    [asked] = fake.sent("GET", ANALYTICS_URL)
    assert (query_of(asked)["domain"], query_of(asked)["key"]) == ("prospect.example", API_KEY)
    assert response.json() == {
        "rank": 48211,
        "organic_keywords": 1520,
        "organic_traffic": 8734,
        "organic_cost": 219550,
    }
    assert await stored_rows(connected.account_id, "semrush") == []


async def test_visibility_without_semrush_answers_not_connected(external, account_id):
    body = {"account_id": account_id, "domain": "prospect.example"}

    response = await external.post(
        "/v1/e/semrush/visibility", json=body, headers=from_service("queue_manager")
    )

    assert response.json()["error"]["code"] == "not_connected"
