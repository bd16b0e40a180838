"""Notes under /v1/crm/deals/{id}/notes and /v1/crm/contacts/{id}/notes."""

from datetime import UTC, datetime

from beanie import PydanticObjectId

from shared.models.crm_log import CrmLog
from shared.models.crm_note import CrmNote
from shared.models.membership import Role
from tests.factories import (
    create_account,
    create_contact,
    create_deal,
    create_pipeline,
    create_signed_in,
)


async def create_note(author, **overrides) -> CrmNote:
    """A note by `author`, on the deal_id or contact_id given."""
    fields = {"account_id": author.account.id, "author_id": author.user.id}
    return await CrmNote(**{**fields, "body": "Called, no answer.", **overrides}).insert()


async def test_a_note_is_added_to_a_deal_by_its_author(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await api.post(
        f"/v1/crm/deals/{deal.id}/notes",
        json={"body": "**Budget** agreed", "pinned": True},
        headers=owner.headers,
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["deal_id"], body["contact_id"]) == (str(deal.id), None)
    assert (body["author_id"], body["pinned"]) == (str(owner.user.id), True)


async def test_a_note_added_to_a_deal_is_in_the_deals_history(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await api.post(
        f"/v1/crm/deals/{deal.id}/notes", json={"body": "Met them"}, headers=owner.headers
    )

    log = await CrmLog.find_one({"entity_id": deal.id})
    assert (log.entity_type, log.action) == ("deal", "note_added")
    assert log.changes[0].new == response.json()["id"]


async def test_a_note_is_added_to_a_contact_and_logged_on_it(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)

    response = await api.post(
        f"/v1/crm/contacts/{contact.id}/notes",
        json={"body": "Prefers email"},
        headers=owner.headers,
    )

    assert response.status_code == 201
    assert response.json()["contact_id"] == str(contact.id)
    log = await CrmLog.find_one({"entity_id": contact.id})
    assert (log.entity_type, log.action) == ("contact", "note_added")


async def test_a_deleted_contact_takes_no_notes(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account, deleted_at=datetime.now(UTC))

    response = await api.post(
        f"/v1/crm/contacts/{contact.id}/notes", json={"body": "Hello"}, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_an_empty_or_overlong_body_answers_422(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    url = f"/v1/crm/deals/{deal.id}/notes"

    empty = await api.post(url, json={"body": ""}, headers=owner.headers)
    overlong = await api.post(url, json={"body": "x" * 20_001}, headers=owner.headers)

    assert (empty.status_code, overlong.status_code) == (422, 422)
    assert empty.json()["error"]["details"][0]["field"] == "body.body"


async def test_a_records_notes_are_listed_newest_first_and_paginated(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deal, other = await create_deal(pipeline), await create_deal(pipeline)
    await create_note(owner, deal_id=deal.id)
    newer = await create_note(owner, deal_id=deal.id)
    await create_note(owner, deal_id=other.id)

    response = await api.get(f"/v1/crm/deals/{deal.id}/notes?limit=1", headers=owner.headers)

    assert [note["id"] for note in response.json()["data"]] == [str(newer.id)]
    assert response.json()["pagination"]["total"] == 2


async def test_pinned_notes_come_first_when_sorted_by_pinned(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    pinned = await create_note(owner, contact_id=contact.id, pinned=True)
    latest = await create_note(owner, contact_id=contact.id)

    response = await api.get(
        f"/v1/crm/contacts/{contact.id}/notes?sort=-pinned", headers=owner.headers
    )

    assert [note["id"] for note in response.json()["data"]] == [str(pinned.id), str(latest.id)]


async def test_the_author_edits_and_pins_their_note(api):
    member = await create_signed_in(role=Role.MEMBER)
    deal = await create_deal(await create_pipeline(member.account))
    note = await create_note(member, deal_id=deal.id)

    response = await api.patch(
        f"/v1/crm/deals/{deal.id}/notes/{note.id}",
        json={"body": "Called back", "pinned": True},
        headers=member.headers,
    )

    assert response.status_code == 200
    stored = await CrmNote.get(note.id)
    assert (stored.body, stored.pinned) == ("Called back", True)


async def test_another_member_cannot_edit_a_note(api):
    author = await create_signed_in(role=Role.MEMBER)
    colleague = await create_signed_in(author.account, Role.MEMBER)
    deal = await create_deal(await create_pipeline(author.account))
    note = await create_note(author, deal_id=deal.id)

    response = await api.patch(
        f"/v1/crm/deals/{deal.id}/notes/{note.id}", json={"body": "Mine"}, headers=colleague.headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_note_author"
    assert (await CrmNote.get(note.id)).body == "Called, no answer."


async def test_an_admin_edits_anyones_note(api):
    author = await create_signed_in(role=Role.MEMBER)
    admin = await create_signed_in(author.account, Role.ADMIN)
    contact = await create_contact(author.account)
    note = await create_note(author, contact_id=contact.id)

    response = await api.patch(
        f"/v1/crm/contacts/{contact.id}/notes/{note.id}",
        json={"pinned": True},
        headers=admin.headers,
    )

    assert response.status_code == 200
    assert (await CrmNote.get(note.id)).pinned is True


async def test_a_null_body_answers_422(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    note = await create_note(owner, deal_id=deal.id)

    response = await api.patch(
        f"/v1/crm/deals/{deal.id}/notes/{note.id}", json={"body": None}, headers=owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_the_author_deletes_their_note(api):
    member = await create_signed_in(role=Role.MEMBER)
    deal = await create_deal(await create_pipeline(member.account))
    note = await create_note(member, deal_id=deal.id)

    response = await api.delete(f"/v1/crm/deals/{deal.id}/notes/{note.id}", headers=member.headers)

    assert response.status_code == 204
    assert await CrmNote.get(note.id) is None


async def test_another_member_cannot_delete_a_note(api):
    author = await create_signed_in(role=Role.MEMBER)
    colleague = await create_signed_in(author.account, Role.MEMBER)
    deal = await create_deal(await create_pipeline(author.account))
    note = await create_note(author, deal_id=deal.id)

    response = await api.delete(
        f"/v1/crm/deals/{deal.id}/notes/{note.id}", headers=colleague.headers
    )

    assert response.status_code == 403
    assert await CrmNote.get(note.id)


async def test_notes_sort_only_by_their_documented_fields(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)

    response = await api.get(
        f"/v1/crm/contacts/{contact.id}/notes?sort=author_id", headers=owner.headers
    )

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["query.sort"]


async def test_a_missing_record_is_named_as_users_know_it(api):
    owner = await create_signed_in()

    response = await api.get(f"/v1/crm/deals/{PydanticObjectId()}/notes", headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith("Deal ")


async def test_a_note_of_another_record_answers_404_under_this_one(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deal, other = await create_deal(pipeline), await create_deal(pipeline)
    note = await create_note(owner, deal_id=other.id)

    response = await api.patch(
        f"/v1/crm/deals/{deal.id}/notes/{note.id}", json={"body": "Moved"}, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_deal_hidden_from_a_restricted_member_shows_no_notes(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    hidden = await create_deal(await create_pipeline(account))

    response = await api.get(f"/v1/crm/deals/{hidden.id}/notes", headers=member.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_client_reads_deal_notes_but_cannot_add_one(api):
    client = await create_signed_in(role=Role.CLIENT)
    deal = await create_deal(await create_pipeline(client.account))
    url = f"/v1/crm/deals/{deal.id}/notes"

    listed = await api.get(url, headers=client.headers)
    added = await api.post(url, json={"body": "Hi"}, headers=client.headers)

    assert listed.status_code == 200
    assert added.json()["error"]["details"] == [{"scope": "deals:write"}]


async def test_contact_notes_need_the_contacts_scopes(api):
    client = await create_signed_in(role=Role.CLIENT)
    contact = await create_contact(client.account)

    response = await api.post(
        f"/v1/crm/contacts/{contact.id}/notes", json={"body": "Hi"}, headers=client.headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "contacts:write"}]
