"""/v1/filters: saved list filters, private to the user who saved them."""

import pytest

from shared.models.filter import SavedFilter
from shared.models.membership import Role
from tests.factories import create_signed_in

FILTERS = "/v1/filters"
VIP = {"field": "tags", "operator": "in", "value": ["vip"]}


async def save(api, who, **body):
    return await api.post(FILTERS, json={"name": "VIPs", **body}, headers=who.headers)


async def test_a_filter_is_saved_and_read_back(api):
    owner = await create_signed_in()
    saved = (await save(api, owner, q="ada", conditions=[VIP], sort="first_name")).json()

    response = await api.get(f"{FILTERS}/{saved['id']}", headers=owner.headers)

    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["q"], body["sort"]) == ("VIPs", "ada", "first_name")
    assert body["conditions"] == [VIP]


async def test_a_filter_with_a_bad_condition_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await save(api, owner, conditions=[VIP, {"field": "shoe", "operator": "in"}])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "body.conditions.1"


async def test_a_filter_on_a_custom_field_of_the_account_is_saved(api):
    owner = await create_signed_in()
    await api.post(
        "/v1/crm/custom-fields",
        json={"key": "plan", "label": "Plan", "type": "text"},
        headers=owner.headers,
    )

    response = await save(
        api, owner, conditions=[{"field": "custom.plan", "operator": "equals", "value": "x"}]
    )

    assert response.status_code == 201
    stored = await SavedFilter.get(response.json()["id"])
    assert [condition.field for condition in stored.conditions] == ["custom.plan"]


async def test_the_user_lists_only_their_own_filters(api):
    owner = await create_signed_in()
    colleague = await create_signed_in(owner.account, Role.MEMBER)
    await save(api, owner, name="Mine")
    await save(api, colleague, name="Theirs")

    response = await api.get(FILTERS, headers=owner.headers)

    assert [saved["name"] for saved in response.json()["data"]] == ["Mine"]


async def test_a_filter_is_renamed_and_its_conditions_replaced(api):
    owner = await create_signed_in()
    saved = (await save(api, owner, q="ada", conditions=[VIP])).json()

    response = await api.patch(
        f"{FILTERS}/{saved['id']}", json={"name": "None", "conditions": []}, headers=owner.headers
    )

    body = response.json()
    assert (body["name"], body["q"], body["conditions"]) == ("None", "ada", [])


async def test_a_bad_condition_in_an_update_answers_422(api):
    owner = await create_signed_in()
    saved = (await save(api, owner)).json()

    response = await api.patch(
        f"{FILTERS}/{saved['id']}",
        json={"conditions": [{"field": "tags", "operator": "near", "value": "x"}]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_filter_is_deleted(api):
    owner = await create_signed_in()
    saved = (await save(api, owner)).json()

    deleted = await api.delete(f"{FILTERS}/{saved['id']}", headers=owner.headers)
    read = await api.get(f"{FILTERS}/{saved['id']}", headers=owner.headers)

    assert (deleted.status_code, read.status_code) == (204, 404)


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PATCH", {"name": "Mine"}), ("DELETE", None)]
)
async def test_a_colleagues_filter_answers_404(api, method, body):
    owner = await create_signed_in()
    colleague = await create_signed_in(owner.account, Role.ADMIN)
    theirs = (await save(api, colleague)).json()

    response = await api.request(
        method, f"{FILTERS}/{theirs['id']}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PATCH", {"name": "Mine"}), ("DELETE", None)]
)
async def test_another_accounts_filter_answers_404(api, method, body):
    owner, stranger = await create_signed_in(), await create_signed_in()
    theirs = (await save(api, stranger)).json()

    response = await api.request(
        method, f"{FILTERS}/{theirs['id']}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_saving_a_filter_needs_the_read_scope(api):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [s for s in owner.membership.scopes if s != "contacts:read"]}
    )

    response = await save(api, owner)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
