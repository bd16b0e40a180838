"""Bulk delete, tag and untag: all or nothing."""

from beanie import PydanticObjectId

from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import CONTACTS


async def bulk(api, who, action: str, **body):
    return await api.post(f"{CONTACTS}/bulk-{action}", json=body, headers=who.headers)


async def test_bulk_delete_soft_deletes_each_contact(api):
    owner = await create_signed_in()
    ada, grace = await store_contact(owner.account), await store_contact(owner.account)

    response = await bulk(api, owner, "delete", ids=[str(ada.id), str(grace.id)])

    assert response.json() == {"count": 2}
    assert all([(await Contact.get(c.id)).deleted_at for c in (ada, grace)])


async def test_bulk_delete_records_each_deletion(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account)

    await bulk(api, owner, "delete", ids=[str(ada.id)])

    assert await CrmLog.find({"entity_id": ada.id, "action": "deleted"}).count() == 1


async def test_bulk_delete_with_an_unknown_id_answers_404_naming_it_and_deletes_nothing(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account)
    unknown = str(PydanticObjectId())

    response = await bulk(api, owner, "delete", ids=[str(ada.id), unknown, "junk"])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.json()["error"]["details"] == [
        {"field": "body.ids", "id": unknown},
        {"field": "body.ids", "id": "junk"},
    ]
    assert (await Contact.get(ada.id)).deleted_at is None


async def test_bulk_tag_adds_tags_once_and_creates_them(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account, tags=["vip"])

    response = await bulk(api, owner, "tag", ids=[str(ada.id)], tags=["vip", "lead"])

    assert response.json() == {"count": 1}
    assert (await Contact.get(ada.id)).tags == ["vip", "lead"]
    tags = await api.get("/v1/crm/tags", headers=owner.headers)
    assert {tag["name"] for tag in tags.json()["data"]} == {"vip", "lead"}


async def test_bulk_untag_takes_tags_off_and_counts_only_contacts_changed(api):
    owner = await create_signed_in()
    ada = await store_contact(owner.account, tags=["vip", "lead"])
    grace = await store_contact(owner.account, tags=["lead"])

    response = await bulk(api, owner, "untag", ids=[str(ada.id), str(grace.id)], tags=["vip"])

    assert response.json() == {"count": 1}
    assert (await Contact.get(ada.id)).tags == ["lead"]


async def test_bulk_tagging_a_deleted_contact_answers_404(api):
    owner = await create_signed_in()
    gone = await store_contact(owner.account, deleted_at="2026-01-01T00:00:00Z")

    response = await bulk(api, owner, "tag", ids=[str(gone.id)], tags=["vip"])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_more_than_a_hundred_ids_answer_422(api):
    owner = await create_signed_in()

    response = await bulk(api, owner, "delete", ids=[str(PydanticObjectId())] * 101)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
