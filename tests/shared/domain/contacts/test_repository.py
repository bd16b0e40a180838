"""The contact queries: sorted by display name across people and businesses, and by a custom
field; narrowed to what a user sees."""

import pytest

from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import create_contact
from shared.models.contact import CustomValue
from shared.utilities.errors import NotFound
from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.shared.domain.contacts.factories import author_for


async def names(contacts) -> list[str]:
    return [contact.display_name for contact in contacts]


async def test_people_and_businesses_sort_together_by_display_name(outbox):
    owner = await create_signed_in()
    author = author_for(owner)
    for fields in (
        {"first_name": "zoe"},
        {"type": "business", "name": "Acme"},
        {"first_name": "Élodie", "last_name": "Martin"},
        {"last_name": "Babbage"},
    ):
        await create_contact(author, fields)

    live = {"deleted_at": None}  # as the contacts list asks

    ascending = await author.contacts.list(live, sort="display_name")
    descending = await author.contacts.list(live, sort="-display_name")

    assert await names(ascending) == ["Acme", "Babbage", "Élodie Martin", "zoe"]
    assert await names(descending) == ["zoe", "Élodie Martin", "Babbage", "Acme"]


async def test_contacts_sort_by_a_custom_field_those_without_a_value_first(mongo):
    owner = await create_signed_in()
    for name, plan in (("Gold", "gold"), ("None", None), ("Bronze", "bronze")):
        values = [CustomValue(field="plan", value=plan)] if plan else []
        await store_contact(owner.account, first_name=name, custom_values=values)
    contacts = ContactRepository(owner.account.id)

    ascending = await contacts.list(sort="custom.plan")
    descending = await contacts.list(sort="-custom.plan", limit=2)

    assert [contact.first_name for contact in ascending] == ["None", "Bronze", "Gold"]
    assert [contact.first_name for contact in descending] == ["Gold", "Bronze"]


async def test_a_custom_sort_reads_back_whole_contacts(mongo):
    owner = await create_signed_in()
    stored = await store_contact(
        owner.account, custom_values=[CustomValue(field="plan", value="gold")]
    )

    [found] = await ContactRepository(owner.account.id).list(sort="custom.plan")

    assert (found.id, found.custom) == (stored.id, {"plan": "gold"})


async def test_a_contact_outside_the_visibility_answers_not_found(mongo):
    owner = await create_signed_in()
    hidden = await store_contact(owner.account)
    narrowed = ContactRepository(owner.account.id, {"owner_id": owner.user.id})

    with pytest.raises(NotFound):
        await narrowed.get(hidden.id)
    assert await narrowed.whole_account().get(hidden.id) == hidden
