"""Contacts the way the dashboard reaches them: gateway -> router -> internal_api."""

from tests.e2e import test_chain

# The whole chain on real ports, and a signed-up agency's session.
dashboard = test_chain.dashboard
sign_up = test_chain.sign_up


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
