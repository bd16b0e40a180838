"""One lookup for every provider: the account's live contact with the email or phone, completed
with what it lacked, or a new one."""

from queue_manager.integrations.contacts import contact_for, contact_for_phone
from shared.models.contact import Contact
from tests.factories import create_contact, create_signed_in


async def test_a_new_number_becomes_a_searchable_person(mongo):
    owner = await create_signed_in()

    contact, created = await contact_for_phone(owner.account.id, "+14155550100", "sms", "Ada King")

    assert created is True
    assert (contact.first_name, contact.last_name, contact.phones) == (
        "Ada",
        "King",
        ["+14155550100"],
    )
    assert "ada" in contact.search_terms


async def test_a_known_email_is_completed_with_the_phone_and_tag_not_duplicated(mongo):
    owner = await create_signed_in()
    known = await create_contact(owner.account, first_name="Grace", emails=["grace@example.com"])

    contact, created = await contact_for(
        owner.account.id,
        "facebook_lead_ads",
        email="grace@example.com",
        phone="+14155550101",
        first_name="Someone else",
        tag="facebook-lead",
    )

    assert (created, contact.id) == (False, known.id)
    stored = await Contact.get(known.id)
    assert (stored.first_name, stored.phones, stored.tags) == (
        "Grace",
        ["+14155550101"],
        ["facebook-lead"],
    )
    assert await Contact.find({"account_id": owner.account.id}).count() == 1
