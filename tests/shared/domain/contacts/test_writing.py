"""One contact written: its rules and effects, whoever writes it."""

import pytest

from shared.domain.accounts.users import NotAccountUsers
from shared.domain.contacts.errors import ContactDeleted, ContactMerged, EmailTaken, NotABusiness
from shared.domain.contacts.writing import (
    create_contact,
    delete_contact,
    platform_author,
    restore_contact,
    update_contact,
)
from shared.models.account import AccountLocale
from shared.models.automation import AddTag, Automation, ContactTagAdded
from shared.models.automation_log import AutomationLog
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.crm_tag import CrmTag
from shared.models.membership import Role
from shared.utilities.errors import InvalidInput
from shared.utilities.settings import ServiceSettings
from tests.factories import (
    create_account,
    create_membership,
    create_signed_in,
    create_sub_account,
    create_user,
)
from tests.factories import (
    create_contact as store_contact,
)
from tests.shared.domain.contacts.factories import author_for, platform_of
from tests.shared.domain.held import emitted, events


async def history(contact: Contact) -> list[str]:
    entries = await CrmLog.find({"entity_id": contact.id}).sort("created_at").to_list()
    return [entry.action for entry in entries]


async def test_a_new_contact_is_owned_by_its_author_and_found_by_its_words(outbox):
    owner = await create_signed_in()

    contact = await create_contact(
        author_for(owner), {"first_name": "Ada", "last_name": "Lovelace"}
    )

    stored = await Contact.get(contact.id)
    assert stored.owner_id == owner.user.id
    assert {"ada", "lov", "lovelace"} <= set(stored.search_terms)
    assert stored.sort_name == "ada lovelace"


async def test_creating_records_the_activity_publishes_the_event_and_announces_it(outbox):
    owner = await create_signed_in()

    contact = await create_contact(author_for(owner), {"first_name": "Ada"})

    [entry] = await CrmLog.find({"entity_id": contact.id}).to_list()
    assert (entry.action, entry.actor_id) == ("created", owner.user.id)
    [event] = events(outbox)
    assert (event["type"], event["data"]["contact"]["id"]) == ("contact.created", str(contact.id))
    assert [name for name, _ in emitted(outbox)] == ["contact:created"]


async def test_a_tag_given_fires_the_automations_watching_it_and_exists_for_the_account(outbox):
    owner = await create_signed_in()
    rule = await Automation(
        account_id=owner.account.id,
        name="VIP",
        trigger=ContactTagAdded(tag="vip"),
        actions=[AddTag(tag="x")],
    ).insert()

    contact = await create_contact(author_for(owner), {"first_name": "Ada", "tags": ["vip"]})

    [run] = await AutomationLog.find({"automation_id": rule.id}).to_list()
    assert run.entity_id == contact.id
    assert [tag.name for tag in await CrmTag.find({"account_id": owner.account.id}).to_list()] == [
        "vip"
    ]


async def test_an_email_another_live_contact_holds_is_taken_and_nothing_is_stored(outbox):
    owner = await create_signed_in()
    holder = await store_contact(owner.account, emails=["ada@example.com"])

    with pytest.raises(EmailTaken) as refused:
        await create_contact(
            author_for(owner), {"first_name": "Ada", "emails": ["ADA@example.com"]}
        )

    assert refused.value.code == "email_taken"
    assert refused.value.details == [
        {"field": "emails", "contact_id": str(holder.id), "emails": ["ada@example.com"]}
    ]
    assert await Contact.find({"account_id": owner.account.id}).count() == 1
    assert outbox.jobs == [] and outbox.emits == []


async def test_an_email_held_by_a_contact_hidden_from_the_author_is_still_taken(outbox):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    await store_contact(account, emails=["ada@example.com"])
    mine_only = {"owner_id": member.user.id}

    with pytest.raises(EmailTaken):
        await create_contact(
            author_for(member, visibility=mine_only),
            {"first_name": "A", "emails": ["ada@example.com"]},
        )


async def test_an_agency_admin_acting_in_a_sub_account_may_own_and_follow_its_contacts(outbox):
    agency = await create_account()
    client = await create_sub_account(agency)
    admin = await create_user()
    await create_membership(agency, admin, Role.ADMIN)
    member = await create_signed_in(client, Role.MEMBER)

    contact = await create_contact(
        author_for(member),
        {"first_name": "Ada", "owner_id": str(admin.id), "follower_ids": [str(admin.id)]},
    )

    assert (contact.owner_id, contact.follower_ids) == (admin.id, [admin.id])


async def test_an_owner_who_is_not_a_user_of_the_account_is_refused_naming_them(outbox):
    owner = await create_signed_in()
    stranger = await create_signed_in()

    with pytest.raises(NotAccountUsers) as refused:
        await create_contact(
            author_for(owner), {"first_name": "Ada", "owner_id": str(stranger.user.id)}
        )

    assert refused.value.details == [{"field": "owner_id", "id": str(stranger.user.id)}]


async def test_a_person_needs_a_name_and_a_business_links_to_no_business(outbox):
    owner = await create_signed_in()
    acme = await create_contact(author_for(owner), {"type": "business", "name": "Acme"})

    with pytest.raises(InvalidInput) as refused:
        await create_contact(author_for(owner), {"type": "business", "business_id": str(acme.id)})

    fields = {detail["field"] for detail in refused.value.details}
    assert fields == {"name", "business_id"}


async def test_a_person_linked_to_a_business_carries_its_name_and_is_found_by_it(outbox):
    owner = await create_signed_in()
    acme = await create_contact(author_for(owner), {"type": "business", "name": "Acme"})

    person = await create_contact(
        author_for(owner), {"first_name": "Ada", "business_id": str(acme.id)}
    )

    assert person.company_name == "Acme"
    assert "acm" in person.search_terms


async def test_a_person_is_linked_only_to_a_live_business(outbox):
    owner = await create_signed_in()
    person = await create_contact(author_for(owner), {"first_name": "Grace"})

    with pytest.raises(NotABusiness) as refused:
        await create_contact(
            author_for(owner), {"first_name": "Ada", "business_id": str(person.id)}
        )

    assert refused.value.code == "not_a_business"


async def test_the_platform_reads_phones_in_the_accounts_own_region(outbox):
    account = await create_account(locale=AccountLocale(phone_region="FR"))
    author = await platform_author(account.id, ServiceSettings())

    contact = await create_contact(author, {"first_name": "Ada", "phones": ["06 12 34 56 78"]})

    assert contact.phones == ["+33612345678"]


async def test_the_platform_reads_phones_in_the_platforms_region_when_the_account_has_none(outbox):
    account = await create_account()
    author = await platform_author(account.id, ServiceSettings(default_phone_region="GB"))

    contact = await create_contact(author, {"first_name": "Ada", "phones": ["020 7946 0018"]})

    assert contact.phones == ["+442079460018"]


async def test_an_update_records_only_the_fields_that_changed(outbox):
    owner = await create_signed_in()
    contact = await create_contact(author_for(owner), {"first_name": "Ada", "source": "web"})

    await update_contact(author_for(owner), contact, {"first_name": "Ada", "source": "referral"})

    entry = await CrmLog.find_one({"entity_id": contact.id, "action": "updated"})
    assert [(change.field, change.old, change.new) for change in entry.changes] == [
        ("source", "web", "referral")
    ]


async def test_an_update_that_changes_nothing_records_and_publishes_nothing(outbox):
    owner = await create_signed_in()
    contact = await create_contact(author_for(owner), {"first_name": "Ada"})
    outbox.jobs.clear(), outbox.emits.clear()

    await update_contact(author_for(owner), contact, {"first_name": "Ada"})

    assert await history(contact) == ["created"]
    assert outbox.jobs == [] and outbox.emits == []


async def test_a_deleted_contact_cannot_change_until_it_is_restored(outbox):
    owner = await create_signed_in()
    contact = await create_contact(author_for(owner), {"first_name": "Ada"})
    await delete_contact(author_for(owner), contact)

    with pytest.raises(ContactDeleted) as refused:
        await update_contact(author_for(owner), contact, {"first_name": "Grace"})

    assert refused.value.code == "contact_deleted"
    assert (await Contact.get(contact.id)).first_name == "Ada"


async def test_renaming_a_business_renames_it_on_every_linked_person(outbox):
    owner = await create_signed_in()
    acme = await create_contact(author_for(owner), {"type": "business", "name": "Acme"})
    person = await create_contact(
        author_for(owner), {"first_name": "Ada", "business_id": str(acme.id)}
    )

    await update_contact(author_for(owner), acme, {"name": "Initech"})

    stored = await Contact.get(person.id)
    assert stored.company_name == "Initech"
    assert "ini" in stored.search_terms


async def test_deleting_twice_records_one_deletion(outbox):
    owner = await create_signed_in()
    contact = await create_contact(author_for(owner), {"first_name": "Ada"})

    await delete_contact(author_for(owner), contact)
    await delete_contact(author_for(owner), contact)

    assert await history(contact) == ["created", "deleted"]
    assert events(outbox)[-1]["type"] == "contact.deleted"


async def test_a_restored_contact_is_live_again(outbox):
    owner = await create_signed_in()
    contact = await create_contact(author_for(owner), {"first_name": "Ada"})
    await delete_contact(author_for(owner), contact)

    await restore_contact(author_for(owner), contact)

    assert (await Contact.get(contact.id)).deleted_at is None
    assert await history(contact) == ["created", "deleted", "restored"]


async def test_a_contact_whose_email_was_taken_meanwhile_cannot_be_restored(outbox):
    owner = await create_signed_in()
    contact = await create_contact(
        author_for(owner), {"first_name": "Ada", "emails": ["ada@example.com"]}
    )
    await delete_contact(author_for(owner), contact)
    await create_contact(author_for(owner), {"first_name": "Other", "emails": ["ada@example.com"]})

    with pytest.raises(EmailTaken):
        await restore_contact(author_for(owner), contact)

    assert (await Contact.get(contact.id)).deleted_at is not None


async def test_a_merged_contact_cannot_be_restored(outbox):
    account = await create_account()
    merged = await store_contact(
        account, deleted_at="2026-01-01T00:00:00Z", merged_into="665f1c2b9d1e4a0012345678"
    )

    with pytest.raises(ContactMerged) as refused:
        await restore_contact(platform_of(account), merged)

    assert refused.value.code == "contact_merged"
