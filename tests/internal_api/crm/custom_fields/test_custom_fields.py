"""/v1/crm/custom-fields: the account's custom contact field definitions."""

import pytest

from shared.models.contact import Contact, CustomValue
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in
from tests.factories import create_contact as store_contact

FIELDS = "/v1/crm/custom-fields"


async def create_field(api, who, **body):
    return await api.post(FIELDS, json={"label": "Plan", **body}, headers=who.headers)


async def test_a_select_field_is_defined_with_its_options(api):
    owner = await create_signed_in()

    response = await create_field(api, owner, key="plan", type="select", options=["gold"])

    assert response.status_code == 201
    assert {k: response.json()[k] for k in ("key", "type", "options")} == {
        "key": "plan",
        "type": "select",
        "options": ["gold"],
    }


async def test_the_accounts_fields_are_listed(api):
    owner = await create_signed_in()
    await create_field(api, owner, key="plan", type="text")

    response = await api.get(FIELDS, headers=owner.headers)

    assert [field["key"] for field in response.json()["data"]] == ["plan"]


async def test_a_key_already_defined_answers_409(api):
    owner = await create_signed_in()
    await create_field(api, owner, key="plan", type="text")

    response = await create_field(api, owner, key="plan", type="number")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "custom_field_key_taken"


@pytest.mark.parametrize("key", ["Plan", "1plan", "my plan", ""])
async def test_a_malformed_key_answers_422(api, key):
    owner = await create_signed_in()

    response = await create_field(api, owner, key=key, type="text")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_select_field_without_options_answers_422(api):
    owner = await create_signed_in()

    response = await create_field(api, owner, key="plan", type="multi_select")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "body.options"


async def test_options_on_a_text_field_answer_422(api):
    owner = await create_signed_in()

    response = await create_field(api, owner, key="plan", type="text", options=["gold"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_field_is_relabelled(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="text")).json()

    response = await api.patch(
        f"{FIELDS}/{field['id']}", json={"label": "Tier"}, headers=owner.headers
    )

    assert response.json()["label"] == "Tier"


async def test_the_type_of_an_unused_field_may_change(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="text")).json()

    response = await api.patch(
        f"{FIELDS}/{field['id']}",
        json={"type": "select", "options": ["gold"]},
        headers=owner.headers,
    )

    assert response.json()["type"] == "select"


async def test_changing_the_type_of_a_field_with_values_answers_409(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="text")).json()
    await store_contact(owner.account, custom_values=[CustomValue(field="plan", value="x")])

    response = await api.patch(
        f"{FIELDS}/{field['id']}", json={"type": "number"}, headers=owner.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "custom_field_in_use"
    assert response.json()["error"]["details"] == [{"field": "body.type"}]


async def test_dropping_an_option_a_contact_holds_answers_409_naming_it(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="select", options=["a", "b"])).json()
    await store_contact(owner.account, custom_values=[CustomValue(field="plan", value="a")])

    response = await api.patch(
        f"{FIELDS}/{field['id']}", json={"options": ["b"]}, headers=owner.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "custom_field_in_use"
    assert response.json()["error"]["details"][0]["options"] == ["a"]


async def test_deleting_a_field_removes_its_values_from_contacts(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="text")).json()
    values = [CustomValue(field="plan", value="x"), CustomValue(field="seats", value=3)]
    contact = await store_contact(owner.account, custom_values=values)

    response = await api.delete(f"{FIELDS}/{field['id']}", headers=owner.headers)

    assert response.status_code == 204
    assert [v.field for v in (await Contact.get(contact.id)).custom_values] == ["seats"]


async def test_deleting_a_field_leaves_other_accounts_values_alone(api):
    owner = await create_signed_in()
    field = (await create_field(api, owner, key="plan", type="text")).json()
    theirs = await store_contact(
        await create_account(), custom_values=[CustomValue(field="plan", value="x")]
    )

    await api.delete(f"{FIELDS}/{field['id']}", headers=owner.headers)

    assert len((await Contact.get(theirs.id)).custom_values) == 1


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PATCH", {"label": "Mine"}), ("DELETE", None)]
)
async def test_another_accounts_field_answers_404(api, method, body):
    owner, stranger = await create_signed_in(), await create_signed_in()
    theirs = (await create_field(api, stranger, key="plan", type="text")).json()

    response = await api.request(
        method, f"{FIELDS}/{theirs['id']}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_another_accounts_field_is_unknown_on_a_contact(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    await create_field(api, stranger, key="plan", type="text")

    response = await api.post(
        "/v1/crm/contacts",
        json={"first_name": "Ada", "custom": {"plan": "x"}},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_defining_a_field_needs_the_write_scope(api):
    client = await create_signed_in(role=Role.CLIENT)

    response = await create_field(api, client, key="plan", type="text")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
