"""A batch of new contacts (an import's chunk): each row written or refused alone, with the
write path's rules and effects, one summary to the dashboards and an event per contact."""

from shared.domain.contacts.batch import write_contacts
from shared.domain.contacts.errors import EmailTaken
from shared.models.automation import AddTag, Automation, ContactTagAdded
from shared.models.automation_log import AutomationLog
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.crm_tag import CrmTag
from shared.utilities.errors import InvalidInput
from tests.factories import create_contact, create_signed_in, create_user
from tests.shared.domain.contacts.factories import author_for
from tests.shared.domain.held import emitted, events


async def test_a_batch_is_written_with_its_activity_events_tags_and_one_summary(outbox):
    owner = await create_signed_in()
    rows = [
        {"first_name": "Ada", "emails": ["Ada@Example.com"], "tags": ["vip"]},
        {"first_name": "Alan", "phones": ["(415) 555-0107"]},
    ]

    ada, alan = await write_contacts(author_for(owner), rows)

    stored = await Contact.find({"account_id": owner.account.id}).sort("+first_name").to_list()
    assert [(c.first_name, c.emails, c.phones) for c in stored] == [
        ("Ada", ["ada@example.com"], []),
        ("Alan", [], ["+14155550107"]),
    ]
    assert stored[0].search_terms and stored[0].owner_id == owner.user.id
    assert await CrmLog.find({"action": "created", "entity_type": "contact"}).count() == 2
    assert [tag.name for tag in await CrmTag.find({"account_id": owner.account.id}).to_list()] == [
        "vip"
    ]
    assert [event["type"] for event in events(outbox)] == ["contact.created", "contact.created"]
    assert emitted(outbox) == [
        ("contacts:changed", {"action": "created", "count": 2, "ids": [str(ada.id), str(alan.id)]})
    ]


async def test_a_bad_row_is_refused_alone_naming_its_field(outbox):
    owner = await create_signed_in()
    rows = [{"first_name": "Ada"}, {"first_name": "Bad", "emails": ["nope"]}]

    _, refused = await write_contacts(author_for(owner), rows)

    assert isinstance(refused, InvalidInput)
    assert refused.details[0]["field"] == "emails.0"
    assert [
        c.first_name for c in await Contact.find({"account_id": owner.account.id}).to_list()
    ] == ["Ada"]
    assert len(events(outbox)) == 1


async def test_an_email_held_by_a_contact_or_an_earlier_row_is_refused_as_taken(outbox):
    owner = await create_signed_in()
    held = await create_contact(owner.account, emails=["ada@example.com"])
    rows = [
        {"first_name": "Ada", "emails": ["ada@example.com"]},
        {"first_name": "Grace", "emails": ["grace@example.com"]},
        {"first_name": "Grace", "emails": ["grace@example.com"]},
    ]

    taken, _, repeated = await write_contacts(author_for(owner), rows)

    assert isinstance(taken, EmailTaken) and taken.details[0]["contact_id"] == str(held.id)
    assert isinstance(repeated, EmailTaken) and taken.code == repeated.code == "email_taken"
    assert await Contact.find({"account_id": owner.account.id}).count() == 2


async def test_in_update_mode_a_row_matching_by_phone_updates_that_contact(outbox):
    owner = await create_signed_in()
    held = await create_contact(owner.account, first_name="Al", phones=["+14155550107"])

    [updated] = await write_contacts(
        author_for(owner),
        [{"first_name": "Alan", "phones": ["415-555-0107"]}],
        update_existing=True,
    )

    assert updated.id == held.id
    assert (await Contact.get(held.id)).first_name == "Alan"
    assert await Contact.find({"account_id": owner.account.id}).count() == 1
    assert [event["type"] for event in events(outbox)] == ["contact.updated"]
    assert emitted(outbox)[-1] == (
        "contacts:changed",
        {"action": "updated", "count": 1, "ids": [str(held.id)]},
    )


async def test_an_owner_who_is_not_a_user_of_the_account_refuses_the_rows_they_own(outbox):
    owner = await create_signed_in()
    stranger = await create_user()

    [refused] = await write_contacts(
        author_for(owner), [{"first_name": "Ada", "owner_id": str(stranger.id)}]
    )

    assert refused.code == "not_account_users"
    assert await Contact.find({"account_id": owner.account.id}).count() == 0


async def test_a_tag_a_rule_watches_fires_it_for_each_new_contact_with_it(outbox):
    owner = await create_signed_in()
    await Automation(
        account_id=owner.account.id,
        name="VIPs",
        trigger=ContactTagAdded(tag="vip"),
        actions=[AddTag(tag="hot")],
    ).insert()
    rows = [{"first_name": "Ada", "tags": ["vip"]}, {"first_name": "Alan", "tags": ["lead"]}]

    ada, _ = await write_contacts(author_for(owner), rows)

    [run] = await AutomationLog.find({"account_id": owner.account.id}).to_list()
    assert (run.entity_id, run.trigger) == (ada.id, "contact.tag_added")
