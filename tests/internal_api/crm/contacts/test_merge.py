"""POST /v1/crm/contacts/{id}/merge: the other contact merged into this one."""

import pytest
from beanie import PydanticObjectId, init_beanie

from shared.domain.contacts import repository
from shared.domain.contacts.repository import ContactRepository
from shared.models.base import TenantDocument
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import CONTACTS, create_contact


async def merge_into(api, who, survivor_id, merged_id):
    return await api.post(
        f"{CONTACTS}/{survivor_id}/merge", json={"contact_id": str(merged_id)}, headers=who.headers
    )


async def test_the_survivor_keeps_its_values_and_fills_blanks_from_the_other(api):
    owner = await create_signed_in()
    survivor = await store_contact(owner.account, last_name="Lovelace", source=None)
    other = await store_contact(owner.account, last_name="King", source="referral")

    response = await merge_into(api, owner, survivor.id, other.id)

    assert response.status_code == 200
    assert (response.json()["last_name"], response.json()["source"]) == ("Lovelace", "referral")


async def test_emails_phones_and_tags_are_unioned(api):
    owner = await create_signed_in()
    survivor = await store_contact(
        owner.account, emails=["a@example.com"], phones=["+14155552671"], tags=["vip"]
    )
    other = await store_contact(
        owner.account, emails=["b@example.com"], phones=["+14155552672"], tags=["vip", "lead"]
    )

    merged = (await merge_into(api, owner, survivor.id, other.id)).json()

    assert merged["emails"] == ["a@example.com", "b@example.com"]
    assert merged["phones"] == ["+14155552671", "+14155552672"]
    assert merged["tags"] == ["vip", "lead"]


async def test_the_other_is_deleted_and_points_at_the_survivor(api):
    owner = await create_signed_in()
    survivor, other = await store_contact(owner.account), await store_contact(owner.account)

    await merge_into(api, owner, survivor.id, other.id)

    stored = await Contact.get(other.id)
    assert stored.deleted_at is not None
    assert stored.merged_into == survivor.id


async def test_the_history_of_the_other_moves_to_the_survivor(api):
    owner = await create_signed_in()
    survivor = await create_contact(api, owner, first_name="Ada")
    other = await create_contact(api, owner, first_name="Grace")

    await merge_into(api, owner, survivor["id"], other["id"])

    history = await api.get(f"{CONTACTS}/{survivor['id']}/activities", headers=owner.headers)
    actions = [entry["action"] for entry in history.json()["data"]]
    assert actions == ["merged", "created", "created"]
    assert history.json()["data"][0]["changes"][-1] == {
        "field": "merged_from",
        "old": None,
        "new": other["id"],
    }


async def test_the_people_of_a_merged_business_move_to_the_survivor(api):
    owner = await create_signed_in()
    acme = await create_contact(api, owner, type="business", first_name=None, name="Acme")
    acme_inc = await create_contact(api, owner, type="business", first_name=None, name="Acme Inc")
    person = await create_contact(api, owner, business_id=acme_inc["id"])

    await merge_into(api, owner, acme["id"], acme_inc["id"])

    stored = await Contact.get(person["id"])
    assert (str(stored.business_id), stored.company_name) == (acme["id"], "Acme")


class Note(TenantDocument):
    contact_id: PydanticObjectId | None = None

    class Settings:
        name = "crm_notes"


class Deal(TenantDocument):
    contact_ids: list[PydanticObjectId] = []

    class Settings:
        name = "deals"


@pytest.fixture
async def notes_and_deals(mongo, monkeypatch):
    """Stand-ins for the notes and deals models, by their agreed collections and fields."""
    await init_beanie(database=mongo, document_models=[Note, Deal, Contact, CrmLog])
    monkeypatch.setattr(repository, "ALL_MODELS", [Note, Deal, Contact, CrmLog])


async def test_notes_and_deals_of_the_other_move_to_the_survivor(notes_and_deals):
    owner = await create_signed_in()
    survivor, other = await store_contact(owner.account), await store_contact(owner.account)
    note = await Note(account_id=owner.account.id, contact_id=other.id).insert()
    deal = await Deal(account_id=owner.account.id, contact_ids=[other.id, survivor.id]).insert()
    foreign = await Note(account_id=PydanticObjectId(), contact_id=other.id).insert()

    await ContactRepository(owner.account.id).repoint(other.id, survivor.id)

    assert (await Note.get(note.id)).contact_id == survivor.id
    assert (await Deal.get(deal.id)).contact_ids == [survivor.id]
    assert (await Note.get(foreign.id)).contact_id == other.id


async def test_a_contact_cannot_be_merged_into_itself(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account)

    response = await merge_into(api, owner, ada.id, ada.id)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unmergeable_contacts"


async def test_a_business_cannot_be_merged_into_a_person(api):
    owner = await create_signed_in()
    person = await store_contact(owner.account)
    business = await store_contact(owner.account, type="business", name="Acme")

    response = await merge_into(api, owner, person.id, business.id)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unmergeable_contacts"


async def test_a_deleted_contact_cannot_be_merged(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account)
    gone = await store_contact(owner.account, deleted_at="2026-01-01T00:00:00Z")

    response = await merge_into(api, owner, ada.id, gone.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "contact_deleted"


async def test_a_merged_contact_cannot_be_restored(api):
    owner = await create_signed_in()
    ada, grace = await store_contact(owner.account), await store_contact(owner.account)
    await merge_into(api, owner, ada.id, grace.id)

    response = await api.post(f"{CONTACTS}/{grace.id}/restore", headers=owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "contact_merged"
