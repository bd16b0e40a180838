"""/v1/crm/tags: the account's tags, their counts, renames and deletions."""

import pytest

from shared.models.contact import Contact
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in
from tests.factories import create_contact as store_contact

TAGS = "/v1/crm/tags"


async def create_tag(api, who, name: str) -> dict:
    response = await api.post(TAGS, json={"name": name}, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_tag_is_created_with_no_contacts(api):
    owner = await create_signed_in()

    tag = await create_tag(api, owner, "  vip ")

    assert (tag["name"], tag["contact_count"]) == ("vip", 0)


async def test_a_tag_name_already_used_answers_409(api):
    owner = await create_signed_in()
    await create_tag(api, owner, "vip")

    response = await api.post(TAGS, json={"name": "vip"}, headers=owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "tag_name_taken"


async def test_an_empty_tag_name_answers_422(api):
    owner = await create_signed_in()

    response = await api.post(TAGS, json={"name": "  "}, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_tags_are_listed_with_the_live_contacts_carrying_each(api):
    owner = await create_signed_in()
    await create_tag(api, owner, "vip")
    await create_tag(api, owner, "lead")
    await store_contact(owner.account, tags=["vip", "lead"])
    await store_contact(owner.account, tags=["vip"])
    await store_contact(owner.account, tags=["vip"], deleted_at="2026-01-01T00:00:00Z")

    response = await api.get(TAGS, params={"sort": "name"}, headers=owner.headers)

    counts = [(tag["name"], tag["contact_count"]) for tag in response.json()["data"]]
    assert counts == [("lead", 1), ("vip", 2)]


async def test_a_restricted_member_counts_only_the_contacts_they_see(api):
    account = await create_account(restrict_members_to_own_records=True)
    owner = await create_signed_in(account)
    member = await create_signed_in(account, Role.MEMBER)
    await create_tag(api, owner, "vip")
    await store_contact(account, tags=["vip"], owner_id=member.user.id)
    await store_contact(account, tags=["vip"], owner_id=owner.user.id)

    response = await api.get(TAGS, headers=member.headers)

    assert response.json()["data"][0]["contact_count"] == 1


async def test_renaming_a_tag_renames_it_on_every_contact(api):
    owner = await create_signed_in()
    tag = await create_tag(api, owner, "vip")
    contact = await store_contact(owner.account, tags=["lead", "vip"])

    response = await api.patch(f"{TAGS}/{tag['id']}", json={"name": "VIP"}, headers=owner.headers)

    assert (response.json()["name"], response.json()["contact_count"]) == ("VIP", 1)
    assert sorted((await Contact.get(contact.id)).tags) == ["VIP", "lead"]


async def test_renaming_to_a_name_in_use_answers_409(api):
    owner = await create_signed_in()
    tag = await create_tag(api, owner, "vip")
    await create_tag(api, owner, "lead")

    response = await api.patch(f"{TAGS}/{tag['id']}", json={"name": "lead"}, headers=owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "tag_name_taken"


async def test_renaming_leaves_other_accounts_contacts_alone(api):
    owner = await create_signed_in()
    tag = await create_tag(api, owner, "vip")
    theirs = await store_contact(await create_account(), tags=["vip"])

    await api.patch(f"{TAGS}/{tag['id']}", json={"name": "VIP"}, headers=owner.headers)

    assert (await Contact.get(theirs.id)).tags == ["vip"]


async def test_deleting_a_tag_takes_it_off_every_contact(api):
    owner = await create_signed_in()
    tag = await create_tag(api, owner, "vip")
    contact = await store_contact(owner.account, tags=["lead", "vip"])

    response = await api.delete(f"{TAGS}/{tag['id']}", headers=owner.headers)

    assert response.status_code == 204
    assert (await Contact.get(contact.id)).tags == ["lead"]


@pytest.mark.parametrize(("method", "body"), [("PATCH", {"name": "mine"}), ("DELETE", None)])
async def test_another_accounts_tag_answers_404(api, method, body):
    owner, stranger = await create_signed_in(), await create_signed_in()
    theirs = await create_tag(api, stranger, "vip")

    response = await api.request(method, f"{TAGS}/{theirs['id']}", json=body, headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_another_accounts_tags_are_never_listed(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    await create_tag(api, stranger, "vip")

    response = await api.get(TAGS, headers=owner.headers)

    assert response.json()["data"] == []


async def test_creating_a_tag_needs_the_write_scope(api):
    client = await create_signed_in(role=Role.CLIENT)

    response = await api.post(TAGS, json={"name": "vip"}, headers=client.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
