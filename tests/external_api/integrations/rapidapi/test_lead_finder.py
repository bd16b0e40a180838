"""LeadFinder on RapidAPI's business search: a search queued, run by the queue manager page by
page with its finds streamed to the general socket, and finds saved as contacts."""

from external_api.integrations.rapidapi.service import EVENT
from shared.models.contact import Contact
from shared.models.lead_search import FoundBusiness, LeadSearch, LeadSearchStatus
from shared.models.membership import Role
from shared.utilities.realtime import account_room
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.rapidapi import (
    API_KEY,
    HOST,
    SEARCH,
    business,
    rate_limited,
    search_answer,
)
from tests.external_api.platform_app import from_service
from tests.factories import create_account

SEARCHES = "/v1/e/rapidapi/lead-finder/searches"
ASKED = {"category": "plumber", "area": "Austin, TX", "max_results": 3}


def run_path(account_id, search_id) -> str:
    return f"/v1/e/rapidapi/lead-finder/accounts/{account_id}/searches/{search_id}/run"


async def create_search(account_id, **overrides) -> LeadSearch:
    fields = {
        "account_id": account_id,
        "category": "plumber",
        "area": "Austin, TX",
        "region": "us",
        "max_results": 3,
        "started_by": "user-1",
    }
    return await LeadSearch(**{**fields, **overrides}).insert()


def found(number: int, phone: str = "+15125550100") -> FoundBusiness:
    return FoundBusiness(
        business_id=f"place-{number}",
        name=f"Austin Plumbing Co {number}",
        phone=phone,
        website=f"https://plumbing{number}.example.com",
    )


async def test_a_search_is_queued_for_the_queue_manager(lead_api, lead):
    account = await create_account()

    response = await lead_api.post(SEARCHES, headers=headers_for(str(account.id)), json=ASKED)

    assert response.status_code == 202
    search_id = response.json()["id"]
    assert response.json()["status"] == "queued"
    job = ("lead_finder.search", {"account_id": str(account.id), "search_id": search_id}, None)
    assert lead.tasks.sent == [job]
    read = await lead_api.get(f"{SEARCHES}/{search_id}", headers=headers_for(str(account.id)))
    assert read.json()["area"] == "Austin, TX"


async def test_a_search_over_the_platforms_cap_is_refused_and_nothing_stored(lead_api, lead):
    account = await create_account()

    response = await lead_api.post(
        SEARCHES, headers=headers_for(str(account.id)), json={**ASKED, "max_results": 101}
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.max_results"
    assert await LeadSearch.find({"account_id": account.id}).count() == 0
    assert lead.tasks.sent == []


async def test_the_run_asks_the_business_search_with_rapidapis_headers(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, max_results=1)
    lead.fake.on("GET", SEARCH, json_answer(search_answer([business(1)])))

    await lead_api.post(run_path(account.id, search.id), headers=from_service())

    (sent,) = lead.fake.sent("GET", SEARCH)
    assert sent.headers["x-rapidapi-key"] == API_KEY
    assert sent.headers["x-rapidapi-host"] == HOST
    assert query_of(sent) == {
        "query": "plumber in Austin, TX",
        "limit": "1",
        "offset": "0",
        "region": "us",
        "language": "en",
    }


async def test_the_run_pages_until_a_short_page_streaming_each(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, max_results=5)
    first, second = search_answer([business(1), business(2)]), search_answer([business(3)])
    lead.fake.on("GET", SEARCH, json_answer(first), json_answer(second))

    response = await lead_api.post(run_path(account.id, search.id), headers=from_service())

    assert response.json()["status"] == "done"
    assert [query_of(r)["offset"] for r in lead.fake.sent("GET", SEARCH)] == ["0", "2"]
    stored = await LeadSearch.get(search.id)
    assert [b.name for b in stored.found] == [f"Austin Plumbing Co {n}" for n in (1, 2, 3)]
    events = [
        (event, data["status"], len(data["businesses"]), room)
        for _, event, data, room in lead.emits.sent
    ]
    room = account_room(str(account.id))
    assert events == [(EVENT, "running", 2, room), (EVENT, "done", 1, room)]


async def test_a_429_is_waited_out_for_its_retry_after(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, max_results=1)
    busy = json_answer(rate_limited(), 429, {"Retry-After": "3"})
    lead.fake.on("GET", SEARCH, busy, json_answer(search_answer([business(1)])))

    response = await lead_api.post(run_path(account.id, search.id), headers=from_service())

    assert response.json()["status"] == "done"
    assert lead.waits == [3]


async def test_a_refusal_by_rapidapi_ends_the_search_failed(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id)
    refusal = {"message": "You are not subscribed to this API."}
    lead.fake.on("GET", SEARCH, json_answer(refusal, 403))

    response = await lead_api.post(run_path(account.id, search.id), headers=from_service())

    assert response.json()["status"] == "failed"
    stored = await LeadSearch.get(search.id)
    assert stored.status is LeadSearchStatus.FAILED
    assert "not subscribed" in stored.error
    assert lead.emits.sent[-1][2]["status"] == "failed"


async def test_only_the_queue_manager_runs_a_search(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id)

    response = await lead_api.post(
        run_path(account.id, search.id), headers=headers_for(str(account.id))
    )

    assert response.status_code == 401
    assert lead.fake.requests == []
    assert (await LeadSearch.get(search.id)).status is LeadSearchStatus.QUEUED


async def test_saving_finds_makes_contacts_tagged_lead_finder(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, status=LeadSearchStatus.DONE, found=[found(1)])

    response = await lead_api.post(
        f"{SEARCHES}/{search.id}/save",
        headers=headers_for(str(account.id)),
        json={"business_ids": ["place-1"]},
    )

    (saved,) = response.json()["data"]
    assert saved["created"] is True
    contact = await Contact.find_one({"account_id": account.id, "phones": "+15125550100"})
    assert contact.first_name == "Austin Plumbing Co 1"
    assert contact.tags == ["lead-finder"]
    assert contact.website == "https://plumbing1.example.com/"
    assert str((await LeadSearch.get(search.id)).found[0].contact_id) == saved["contact_id"]


async def test_a_find_without_a_phone_is_skipped(lead_api, lead):
    account = await create_account()
    search = await create_search(
        account.id, status=LeadSearchStatus.DONE, found=[found(1, phone="")]
    )

    response = await lead_api.post(
        f"{SEARCHES}/{search.id}/save",
        headers=headers_for(str(account.id)),
        json={"business_ids": ["place-1"]},
    )

    assert response.json()["data"][0]["skipped"]
    assert await Contact.find({"account_id": account.id}).count() == 0


async def test_saving_from_an_unfinished_search_is_refused(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, status=LeadSearchStatus.RUNNING, found=[found(1)])

    response = await lead_api.post(
        f"{SEARCHES}/{search.id}/save",
        headers=headers_for(str(account.id)),
        json={"business_ids": ["place-1"]},
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "lead_search_not_done"
    assert await Contact.find({"account_id": account.id}).count() == 0


async def test_another_accounts_search_answers_404(lead_api, lead):
    owner, other = await create_account(), await create_account()
    search = await create_search(owner.id, status=LeadSearchStatus.DONE, found=[found(1)])

    read = await lead_api.get(f"{SEARCHES}/{search.id}", headers=headers_for(str(other.id)))
    save = await lead_api.post(
        f"{SEARCHES}/{search.id}/save",
        headers=headers_for(str(other.id)),
        json={"business_ids": ["place-1"]},
    )

    assert (read.status_code, save.status_code) == (404, 404)
    assert await Contact.find({"account_id": owner.id}).count() == 0


async def test_a_client_user_cannot_search(lead_api, lead):
    account = await create_account()

    response = await lead_api.post(
        SEARCHES, headers=headers_for(str(account.id), Role.CLIENT), json=ASKED
    )

    assert response.status_code == 403
    assert await LeadSearch.find({"account_id": account.id}).count() == 0


async def test_without_a_rapidapi_key_lead_finder_is_not_configured(start_external, member):
    async with start_external() as external:
        response = await external.post(SEARCHES, headers=member, json=ASKED)

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "rapidapi_not_configured"


async def test_a_finished_search_run_again_asks_nothing(lead_api, lead):
    account = await create_account()
    search = await create_search(account.id, status=LeadSearchStatus.DONE, found=[found(1)])

    response = await lead_api.post(run_path(account.id, search.id), headers=from_service())

    assert response.json()["status"] == "done"
    assert lead.fake.requests == []
    assert [b.business_id for b in (await LeadSearch.get(search.id)).found] == ["place-1"]
