"""Merging a duplicate into the contact that survives."""

import pytest

from shared.domain.contacts.errors import UnmergeableContacts
from shared.domain.contacts.merging import merge_contacts
from shared.models.contact import Contact
from tests.factories import create_contact, create_signed_in
from tests.shared.domain.contacts.factories import author_for
from tests.shared.domain.held import emitted


async def test_the_survivor_takes_what_it_lacked_and_the_other_is_deleted_into_it(outbox):
    owner = await create_signed_in()
    survivor = await create_contact(
        owner.account, first_name="Ada", emails=["ada@a.com"], tags=["vip"]
    )
    other = await create_contact(
        owner.account, last_name="Lovelace", emails=["ada@b.com"], tags=["lead"]
    )

    await merge_contacts(author_for(owner), survivor, other)

    kept, merged = await Contact.get(survivor.id), await Contact.get(other.id)
    assert (kept.first_name, kept.last_name) == ("Ada", "Lovelace")
    assert (kept.emails, kept.tags) == (["ada@a.com", "ada@b.com"], ["vip", "lead"])
    assert "lovelace" in kept.search_terms
    assert (merged.merged_into, merged.deleted_at is not None) == (survivor.id, True)


async def test_a_merge_is_announced_once_naming_both_contacts(outbox):
    owner = await create_signed_in()
    survivor, other = await create_contact(owner.account), await create_contact(owner.account)

    await merge_contacts(author_for(owner), survivor, other)

    assert emitted(outbox) == [
        (
            "contacts:changed",
            {"action": "merged", "count": 2, "ids": [str(survivor.id), str(other.id)]},
        )
    ]


async def test_a_person_cannot_be_merged_into_a_business(outbox):
    owner = await create_signed_in()
    business = await create_contact(owner.account, type="business", name="Acme")
    person = await create_contact(owner.account)

    with pytest.raises(UnmergeableContacts) as refused:
        await merge_contacts(author_for(owner), business, person)

    assert refused.value.code == "unmergeable_contacts"
    assert (await Contact.get(person.id)).deleted_at is None
