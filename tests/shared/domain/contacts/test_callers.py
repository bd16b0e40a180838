"""The contact behind a provider's caller: found by email or phone and completed, or made, by
the same write path as any contact."""

import pytest

from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import Author
from shared.models.account import Account
from shared.models.contact import Address, Contact, CustomValue
from shared.models.crm_log import CrmLog
from shared.models.custom_field import CustomField
from tests.factories import create_account, create_contact, create_membership, create_user
from tests.shared.domain.held import events, platform_messages


@pytest.fixture
async def account(mongo) -> Account:
    return await create_account()


@pytest.fixture
def author(account, outbox) -> Author:
    return Author.platform(account.id, "US")


async def test_a_new_number_becomes_a_searchable_person(author):
    contact, created = await contact_for(
        author, "sms", phone="+14155550100", **names_of("Ada King")
    )

    stored = await Contact.get(contact.id)
    assert created is True
    assert (stored.first_name, stored.last_name, stored.phones, stored.source) == (
        "Ada",
        "King",
        ["+14155550100"],
        "sms",
    )
    assert {"ada", "kin", "5550100"} <= set(stored.search_terms)


async def test_a_number_without_a_country_code_is_read_in_the_authors_region(outbox):
    author = Author.platform((await create_account()).id, "FR")

    contact, _ = await contact_for(author, "sms", phone="06 12 34 56 78")

    assert contact.phones == ["+33612345678"]


async def test_a_caller_known_by_no_name_is_named_after_their_number(author):
    contact, _ = await contact_for(author, "sms", phone="+14155550100")

    assert contact.display_name == "+14155550100"


async def test_a_new_caller_is_recorded_and_published_like_any_created_contact(author, outbox):
    contact, _ = await contact_for(author, "sms", phone="+14155550100")

    [entry] = await CrmLog.find({"entity_id": contact.id}).to_list()
    assert (entry.action, entry.actor_id) == ("created", None)
    assert [event["type"] for event in events(outbox)] == ["contact.created"]


async def test_a_new_caller_is_a_new_lead_the_accounts_members_hear_of(author, account, outbox):
    member = await create_user()
    await create_membership(account, member)

    contact, _ = await contact_for(author, "callrail", phone="+14155550100", first_name="Ada")

    assert platform_messages(outbox) == [
        ("new_lead", "email", str(member.id)),
        ("new_lead", "push", str(member.id)),
    ]
    [job, _] = [job for job in outbox.jobs if job.name == "platform_messages.send"]
    assert job.kwargs["data"] == {"lead_name": "Ada", "source": "callrail"}
    assert job.kwargs["links"] == {"lead_url": f"/contacts/{contact.id}"}


async def test_a_known_email_is_completed_with_the_phone_and_tag_not_duplicated(author, account):
    known = await create_contact(account, first_name="Grace", emails=["grace@example.com"])

    contact, created = await contact_for(
        author,
        "facebook_lead_ads",
        email="Grace@Example.com",
        phone="+14155550101",
        first_name="Someone else",
        tag="facebook-lead",
    )

    stored = await Contact.get(known.id)
    assert (created, contact.id) == (False, known.id)
    assert (stored.first_name, stored.phones, stored.tags) == (
        "Grace",
        ["+14155550101"],
        ["facebook-lead"],
    )
    assert await Contact.find({"account_id": author.account_id}).count() == 1


async def test_completing_a_known_contact_is_recorded_as_its_update(author, account, outbox):
    known = await create_contact(account, phones=["+14155550101"])

    await contact_for(author, "sms", phone="+14155550101", tag="texted")

    [entry] = await CrmLog.find({"entity_id": known.id}).to_list()
    assert (entry.action, [change.field for change in entry.changes]) == ("updated", ["tags"])


async def test_a_known_contact_with_nothing_to_add_is_left_as_it_is(author, account, outbox):
    known = await create_contact(account, phones=["+14155550101"])

    contact, created = await contact_for(author, "sms", phone="+14155550101")

    assert (created, contact.id) == (False, known.id)
    assert await CrmLog.find({"entity_id": known.id}).count() == 0
    assert events(outbox) == []
    assert platform_messages(outbox) == []  # no new lead


async def test_a_deleted_contact_with_the_number_is_not_reused(author, account):
    deleted = await create_contact(
        account, phones=["+14155550101"], deleted_at="2026-01-01T00:00:00Z"
    )

    contact, created = await contact_for(author, "sms", phone="+14155550101")

    assert created is True
    assert contact.id != deleted.id


async def test_an_unreadable_phone_is_left_out_when_the_email_reaches(author):
    contact, _ = await contact_for(author, "lead", email="ada@example.com", phone="not a phone")

    assert (contact.emails, contact.phones) == (["ada@example.com"], [])


async def test_a_caller_with_nothing_readable_is_unreachable_and_nothing_is_made(author):
    with pytest.raises(Unreachable) as refused:
        await contact_for(author, "sms", phone="VERIFY")

    assert refused.value.code == "unreachable"
    assert await Contact.find({"account_id": author.account_id}).count() == 0


def test_a_single_name_field_is_split_into_first_and_last_names():
    assert names_of(" Grace  Brewster Hopper ") == {
        "first_name": "Grace",
        "last_name": "Brewster Hopper",
    }
    assert names_of(None) == {}


async def test_more_fields_complete_a_known_contact_only_where_it_lacks_them(
    author, account, outbox
):
    await CustomField(account_id=account.id, key="plan", label="Plan", type="text").insert()
    known = await create_contact(
        account,
        phones=["+14155550101"],
        address=Address(city="Paris"),
        custom_values=[CustomValue(field="plan", value="basic")],
    )
    more = {
        "address": {"city": "Lyon", "postal_code": "75011"},
        "custom": {"plan": "pro"},
        "website": "https://ada.example",
    }

    contact, _ = await contact_for(author, "form", phone="+14155550101", tags=["web"], more=more)

    assert (contact.address.city, contact.address.postal_code) == ("Paris", "75011")
    assert (contact.custom, contact.website, contact.tags) == (
        {"plan": "basic"},
        "https://ada.example/",
        ["web"],
    )
    assert contact.id == known.id


async def test_a_new_contact_is_not_announced_when_the_caller_tells_of_it_itself(author, outbox):
    await create_membership(await Account.get(author.account_id), await create_user())

    await contact_for(author, "form", email="ada@example.com", announce=False)

    assert platform_messages(outbox) == []
