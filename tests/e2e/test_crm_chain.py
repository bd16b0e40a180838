"""Contacts the way the dashboard reaches them: gateway -> router -> internal_api, one chain
for the module, each journey signed up afresh."""

from tests.e2e.test_chain import sign_up
from tests.internal_api.chain import dashboard, dashboard_jobs, module_chain

__all__ = ["dashboard", "dashboard_jobs", "module_chain"]


async def test_a_contact_is_created_and_found_by_search_through_the_chain(dashboard):
    session = await sign_up(dashboard)
    created = await dashboard.post(
        "/v1/crm/contacts",
        json={"first_name": "Ada", "last_name": "Lovelace", "phones": ["+1 415 555 2671"]},
        headers=session,
    )

    found = await dashboard.get("/v1/crm/contacts", params={"q": "lov 4155"}, headers=session)

    assert created.status_code == 201
    assert [contact["id"] for contact in found.json()["data"]] == [created.json()["id"]]


async def test_another_agencys_contact_answers_404_through_the_chain(dashboard):
    mine, theirs = await sign_up(dashboard, "Mine"), await sign_up(dashboard, "Theirs")
    created = await dashboard.post("/v1/crm/contacts", json={"first_name": "Ada"}, headers=theirs)

    response = await dashboard.patch(
        f"/v1/crm/contacts/{created.json()['id']}", json={"first_name": "Mine"}, headers=mine
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_bad_filter_answers_422_naming_it_through_the_chain(dashboard):
    session = await sign_up(dashboard)

    response = await dashboard.get(
        "/v1/crm/contacts", params={"filter": "tags:near:vip"}, headers=session
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"field": "query.filter.0", "message": "unknown operator near"}
    ]


async def test_an_agency_owner_switched_into_a_sub_account_owns_and_follows_its_contacts(
    dashboard, dashboard_jobs
):
    session = await sign_up(dashboard, "Agency", dashboard_jobs)
    me = (await dashboard.get("/v1/users/me", headers=session)).json()["user"]["id"]
    client = await dashboard.post(
        "/v1/accounts/sub-accounts", json={"name": "Client Co"}, headers=session
    )
    await dashboard.post(
        "/v1/auth/switch-account", json={"account_id": client.json()["id"]}, headers=session
    )

    created = await dashboard.post(
        "/v1/crm/contacts",
        json={"first_name": "Ada", "owner_id": me, "follower_ids": [me]},
        headers=session,
    )

    assert created.status_code == 201, created.text
    mine = await dashboard.get(
        "/v1/crm/contacts", params={"filter": f"owner_id:equals:{me}"}, headers=session
    )
    assert [contact["id"] for contact in mine.json()["data"]] == [created.json()["id"]]


async def test_a_phone_typed_any_way_finds_its_contact_and_punctuation_finds_nothing(dashboard):
    session = await sign_up(dashboard)
    created = await dashboard.post(
        "/v1/crm/contacts",
        json={"first_name": "Grace", "phones": ["(415) 555-0107"]},
        headers=session,
    )

    found = [
        await dashboard.get("/v1/crm/contacts", params={"q": q}, headers=session)
        for q in ("555-0107", "+14155550107", "(415) 555-0107")
    ]
    nothing = await dashboard.get("/v1/crm/contacts", params={"q": "!!!"}, headers=session)

    assert [[c["id"] for c in page.json()["data"]] for page in found] == [
        [created.json()["id"]]
    ] * 3
    assert (nothing.status_code, nothing.json()["error"]["code"]) == (422, "unsearchable_query")


async def test_a_misspelt_field_is_refused_naming_it_not_dropped(dashboard):
    session = await sign_up(dashboard)

    response = await dashboard.post(
        "/v1/crm/contacts", json={"fist_name": "Ada", "last_name": "King"}, headers=session
    )

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == ["body.fist_name"]
    listed = await dashboard.get("/v1/crm/contacts", headers=session)
    assert listed.json()["data"] == []
