"""Many contacts changed at once: all or nothing, each change recorded and published, one
summary to the account's dashboards."""

import pytest

from shared.domain.contacts.bulk import delete_contacts, tag_contacts, untag_contacts
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.utilities.errors import NotFound
from tests.factories import create_contact, create_signed_in
from tests.shared.domain.contacts.factories import author_for
from tests.shared.domain.held import emitted, events


async def test_tagging_many_announces_one_summary_and_publishes_an_event_per_contact(outbox):
    owner = await create_signed_in()
    ada, alan = await create_contact(owner.account), await create_contact(owner.account)

    changed = await tag_contacts(author_for(owner), [str(ada.id), str(alan.id)], ["vip"])

    assert changed == 2
    assert emitted(outbox) == [
        ("contacts:changed", {"action": "tagged", "count": 2, "ids": [str(ada.id), str(alan.id)]})
    ]
    assert [event["type"] for event in events(outbox)] == ["contact.updated", "contact.updated"]
    assert await CrmLog.find({"action": "updated"}).count() == 2


async def test_tagging_counts_only_the_contacts_that_changed(outbox):
    owner = await create_signed_in()
    tagged = await create_contact(owner.account, tags=["vip"])
    other = await create_contact(owner.account)

    changed = await tag_contacts(author_for(owner), [str(tagged.id), str(other.id)], ["vip"])

    assert changed == 1
    assert emitted(outbox)[0][1]["ids"] == [str(other.id)]


async def test_untagging_takes_the_tags_off(outbox):
    owner = await create_signed_in()
    contact = await create_contact(owner.account, tags=["vip", "lead"])

    await untag_contacts(author_for(owner), [str(contact.id)], ["vip"])

    assert (await Contact.get(contact.id)).tags == ["lead"]


async def test_deleting_many_announces_one_summary(outbox):
    owner = await create_signed_in()
    contacts = [await create_contact(owner.account) for _ in range(3)]

    await delete_contacts(author_for(owner), [str(contact.id) for contact in contacts])

    [(event, data)] = emitted(outbox)
    assert (event, data["action"], data["count"]) == ("contacts:changed", "deleted", 3)
    assert [event["type"] for event in events(outbox)] == ["contact.deleted"] * 3


async def test_an_id_that_is_not_a_live_contact_the_author_sees_changes_nothing(outbox):
    owner = await create_signed_in()
    mine = await create_contact(owner.account)
    theirs = await create_contact((await create_signed_in()).account)

    with pytest.raises(NotFound) as refused:
        await delete_contacts(author_for(owner), [str(mine.id), str(theirs.id)])

    assert refused.value.details == [{"field": "ids", "id": str(theirs.id)}]
    assert (await Contact.get(mine.id)).deleted_at is None
    assert outbox.jobs == [] and outbox.emits == []
