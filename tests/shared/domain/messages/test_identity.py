"""A live-chat visitor's identity: a new email makes a person the prospect is linked to; a
known one is only a pending claim until an agent confirms it; contacts are written through the
one contact write path; a visitor linked to a contact is that contact's live-chat lead."""

import os

import pytest
from beanie import PydanticObjectId

from shared.domain.contacts.writing import Author
from shared.domain.messages.identity import NoIdentityToConfirm, claim_identity, confirm_identity
from shared.domain.messages.prospects import prospect_for
from shared.models.contact import Contact
from shared.models.conversation_prospect import ConversationProspect
from shared.models.crm_log import CrmLog
from shared.models.lead import Lead, LeadSource
from shared.utilities.outbox import Senders, collecting
from tests.factories import create_account, create_contact, create_membership, create_user
from tests.shared.domain.held import platform_messages


@pytest.fixture
async def outbox():
    """The outbox the identity functions write into (sent to the test Redis at the end)."""
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    async with collecting(senders) as held:
        yield held
    senders.close()


async def visitor_of(account) -> tuple[Author, ConversationProspect]:
    return Author.platform(account.id, "US"), await prospect_for(account.id, "v-1")


async def visitor_on_a_page(account) -> tuple[Author, ConversationProspect]:
    """A visitor who came through widget w-1 and started chatting on the pricing page."""
    prospect = await prospect_for(account.id, "v-1", widget_id="w-1")
    await prospect.set({"page_url": "https://bakery.example/pricing"})
    return Author.platform(account.id, "US"), prospect


async def test_a_new_email_makes_a_person_from_live_chat_linked_to_the_prospect(mongo, outbox):
    author, prospect = await visitor_of(await create_account())

    await claim_identity(author, prospect, "ada@example.com", "Ada King")

    [contact] = await Contact.find_all().to_list()
    assert (contact.first_name, contact.last_name, contact.source) == ("Ada", "King", "live_chat")
    stored = await ConversationProspect.get(prospect.id)
    assert (stored.contact_id, stored.identity_pending) == (contact.id, False)
    assert await CrmLog.find({"entity_id": contact.id, "action": "created"}).count() == 1


async def test_a_new_email_is_a_new_lead_the_accounts_members_hear_of(mongo, outbox):
    account = await create_account()
    member = await create_user()
    await create_membership(account, member)
    author, prospect = await visitor_of(account)

    await claim_identity(author, prospect, "ada@example.com", "Ada King")

    assert platform_messages(outbox) == [
        ("new_lead", "email", str(member.id)),
        ("new_lead", "push", str(member.id)),
    ]


async def test_a_new_email_is_a_live_chat_lead_through_the_widget_from_the_page(mongo, outbox):
    author, prospect = await visitor_on_a_page(await create_account())

    await claim_identity(author, prospect, "ada@example.com", "Ada King")

    contact = await Contact.find_one()
    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.LIVE_CHAT,
        "w-1",
        True,
    )
    assert lead.attribution.landing_page == "https://bakery.example/pricing"


async def test_a_known_email_is_a_pending_claim_and_links_nothing(mongo, outbox):
    account = await create_account()
    await create_contact(account, emails=["ada@example.com"])
    author, prospect = await visitor_of(account)

    await claim_identity(author, prospect, "ada@example.com", "")

    assert platform_messages(outbox) == []  # no new lead
    assert await Lead.find_all().count() == 0
    stored = await ConversationProspect.get(prospect.id)
    assert (stored.email, stored.contact_id, stored.identity_pending) == (
        "ada@example.com",
        None,
        True,
    )
    assert await Contact.find_all().count() == 1


async def test_a_deleted_contacts_email_makes_a_new_person(mongo, outbox):
    account = await create_account()
    deleted = await create_contact(account, emails=["ada@example.com"])
    await deleted.set({"deleted_at": deleted.created_at})
    author, prospect = await visitor_of(account)

    await claim_identity(author, prospect, "ada@example.com", "Ada")

    stored = await ConversationProspect.get(prospect.id)
    assert stored.contact_id not in (None, deleted.id)


async def test_without_a_name_the_email_names_the_person(mongo, outbox):
    author, prospect = await visitor_of(await create_account())

    await claim_identity(author, prospect, "grace@example.com", "")

    assert (await Contact.find_one()).first_name == "grace"


async def test_the_account_is_told_who_the_visitor_says_they_are(mongo, outbox):
    author, prospect = await visitor_of(await create_account())

    await claim_identity(author, prospect, "ada@example.com", "Ada")

    [told] = [emit for emit in outbox.emits if emit.event == "live_chat:identified"]
    assert told.data == {
        "prospect_id": str(prospect.id),
        "name": "Ada",
        "email": "ada@example.com",
        "identity_pending": False,
    }


async def test_confirming_links_the_holder_as_the_agent(mongo, outbox):
    account = await create_account()
    known = await create_contact(account, emails=["ada@example.com"])
    author, prospect = await visitor_of(account)
    await claim_identity(author, prospect, "ada@example.com", "")
    agent = Author(author.contacts, PydanticObjectId(), "US")

    linked = await confirm_identity(agent, prospect)

    assert linked.id == known.id
    stored = await ConversationProspect.get(prospect.id)
    assert (stored.contact_id, stored.identity_pending) == (known.id, False)


async def test_a_confirmed_visitor_is_a_lead_of_the_known_contact_not_new(mongo, outbox):
    account = await create_account()
    known = await create_contact(account, emails=["ada@example.com"])
    author, prospect = await visitor_on_a_page(account)
    await claim_identity(author, prospect, "ada@example.com", "")

    await confirm_identity(author, prospect)

    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        known.id,
        LeadSource.LIVE_CHAT,
        "w-1",
        False,
    )


async def test_a_prospect_without_a_pending_claim_has_nothing_to_confirm(mongo, outbox):
    author, prospect = await visitor_of(await create_account())

    with pytest.raises(NoIdentityToConfirm):
        await confirm_identity(author, prospect)
