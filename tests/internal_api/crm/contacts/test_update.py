"""PATCH, DELETE and restore of a contact, and the history each change leaves."""

from shared.models.contact import Contact
from shared.models.membership import Role
from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import (
    CONTACTS,
    create_contact,
    create_custom_field,
    error_fields,
    patch_contact,
)


async def history(api, who, contact_id) -> list[dict]:
    response = await api.get(f"{CONTACTS}/{contact_id}/activities", headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_only_the_fields_sent_change(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace", source="referral")

    response = await patch_contact(api, owner, contact["id"], last_name="King")

    assert response.status_code == 200
    assert (response.json()["last_name"], response.json()["source"]) == ("King", "referral")


async def test_null_clears_a_field(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, source="referral")

    response = await patch_contact(api, owner, contact["id"], source=None)

    assert response.json()["source"] is None


async def test_a_change_is_recorded_old_to_new(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace")

    await patch_contact(api, owner, contact["id"], last_name="King")

    latest = (await history(api, owner, contact["id"]))[0]
    assert latest["action"] == "updated"
    assert latest["changes"] == [{"field": "last_name", "old": "Lovelace", "new": "King"}]
    assert latest["actor_id"] == str(owner.user.id)


async def test_creating_a_contact_is_recorded_first_in_its_history(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace")

    entries = await history(api, owner, contact["id"])

    assert [entry["action"] for entry in entries] == ["created"]
    assert {"field": "last_name", "old": None, "new": "Lovelace"} in entries[0]["changes"]


async def test_a_patch_changing_nothing_records_nothing(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace")

    await patch_contact(api, owner, contact["id"], last_name="Lovelace")

    assert len(await history(api, owner, contact["id"])) == 1


async def test_custom_values_change_by_key_and_null_removes_one(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="plan", type="select", options=["gold", "silver"])
    await create_custom_field(api, owner, key="seats", type="number")
    contact = await create_contact(api, owner, custom={"plan": "gold", "seats": 3})

    response = await patch_contact(
        api, owner, contact["id"], custom={"plan": "silver", "seats": None}
    )

    assert response.json()["custom"] == {"plan": "silver"}
    latest = (await history(api, owner, contact["id"]))[0]
    assert {"field": "custom.plan", "old": "gold", "new": "silver"} in latest["changes"]


async def test_an_owner_from_another_account_answers_404(api):
    owner = await create_signed_in()
    stranger = await create_signed_in()
    contact = await create_contact(api, owner)

    response = await patch_contact(api, owner, contact["id"], owner_id=str(stranger.user.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert error_fields(response) == {"body.owner_id"}


async def test_taking_an_email_of_another_contact_answers_409(api):
    owner = await create_signed_in()
    holder = await store_contact(owner.account, emails=["ada@example.com"])
    contact = await create_contact(api, owner)

    response = await patch_contact(api, owner, contact["id"], emails=["ada@example.com"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"
    assert response.json()["error"]["details"][0]["contact_id"] == str(holder.id)


async def test_renaming_a_business_renames_the_company_of_its_people(api):
    owner = await create_signed_in()
    business = await create_contact(api, owner, type="business", first_name=None, name="Acme")
    person = await create_contact(api, owner, business_id=business["id"])

    await patch_contact(api, owner, business["id"], name="Acme Corp")

    stored = await Contact.get(person["id"])
    assert stored.company_name == "Acme Corp"
    assert "corp" in stored.search_terms


async def test_a_deleted_contact_leaves_the_list_but_can_be_read(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)

    deleted = await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)
    listed = await api.get(CONTACTS, headers=owner.headers)
    read = await api.get(f"{CONTACTS}/{contact['id']}", headers=owner.headers)

    assert deleted.status_code == 204
    assert listed.json()["data"] == []
    assert read.json()["deleted_at"] is not None


async def test_deleting_is_recorded(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)

    await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)

    assert (await history(api, owner, contact["id"]))[0]["action"] == "deleted"


async def test_a_deleted_contact_cannot_be_changed_until_restored(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)
    await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)

    response = await patch_contact(api, owner, contact["id"], last_name="King")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "contact_deleted"


async def test_a_restored_contact_is_listed_again(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner)
    await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)

    restored = await api.post(f"{CONTACTS}/{contact['id']}/restore", headers=owner.headers)
    listed = await api.get(CONTACTS, headers=owner.headers)

    assert restored.status_code == 200
    assert restored.json()["deleted_at"] is None
    assert [item["id"] for item in listed.json()["data"]] == [contact["id"]]
    assert (await history(api, owner, contact["id"]))[0]["action"] == "restored"


async def test_restoring_answers_409_when_its_email_was_taken_meanwhile(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, emails=["ada@example.com"])
    await api.delete(f"{CONTACTS}/{contact['id']}", headers=owner.headers)
    await create_contact(api, owner, emails=["ada@example.com"])

    response = await api.post(f"{CONTACTS}/{contact['id']}/restore", headers=owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"


async def test_a_member_may_not_see_the_history_of_a_contact_hidden_from_them(api):
    owner = await create_signed_in()
    await owner.account.set({"restrict_members_to_own_records": True})
    member = await create_signed_in(owner.account, Role.MEMBER)
    contact = await create_contact(api, owner)

    response = await api.get(f"{CONTACTS}/{contact['id']}/activities", headers=member.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
