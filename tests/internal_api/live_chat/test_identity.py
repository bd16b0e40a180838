"""A visitor's claimed identity, as the team meets it: reading the prospect, and confirming the
visitor is the contact holding the email they gave (only then is the prospect linked)."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.contact import Contact
from shared.models.conversation_prospect import ConversationProspect
from shared.models.lead import Lead, LeadSource
from shared.models.membership import Role
from tests.factories import create_account, create_contact, create_signed_in

PROSPECTS = "/v1/live-chat/prospects"


@pytest.fixture
async def api(client_for, mongo):
    async with client_for(create_app(InternalApiSettings())) as client:
        yield client


async def create_prospect(account, **overrides) -> ConversationProspect:
    """A visitor who said they are ada@example.com, a claim nobody has confirmed."""
    fields = {
        "account_id": account.id,
        "visitor_id": "v-1",
        "name": "Ada",
        "email": "ada@example.com",
        "identity_pending": True,
    }
    return await ConversationProspect(**{**fields, **overrides}).insert()


async def test_the_team_reads_what_the_visitor_claims(api):
    agent = await create_signed_in(role=Role.MEMBER)
    prospect = await create_prospect(agent.account)

    response = await api.get(f"{PROSPECTS}/{prospect.id}", headers=agent.headers)

    assert response.status_code == 200
    assert (response.json()["email"], response.json()["identity_pending"]) == (
        "ada@example.com",
        True,
    )
    assert response.json()["contact_id"] is None


async def test_confirming_links_the_contact_holding_the_email(api):
    agent = await create_signed_in(role=Role.MEMBER)
    known = await create_contact(agent.account, emails=["ada@example.com"])
    prospect = await create_prospect(agent.account)

    response = await api.post(f"{PROSPECTS}/{prospect.id}/identity", headers=agent.headers)

    assert response.status_code == 200
    assert response.json()["contact_id"] == str(known.id)
    stored = await ConversationProspect.get(prospect.id)
    assert (stored.contact_id, stored.identity_pending) == (known.id, False)


async def test_confirming_when_nobody_holds_the_email_any_more_makes_a_person(api):
    agent = await create_signed_in(role=Role.MEMBER)
    prospect = await create_prospect(agent.account)

    response = await api.post(f"{PROSPECTS}/{prospect.id}/identity", headers=agent.headers)

    [contact] = await Contact.find_all().to_list()
    assert response.json()["contact_id"] == str(contact.id)
    assert (contact.emails, contact.source) == (["ada@example.com"], "live_chat")


async def test_a_confirmed_visitor_is_a_live_chat_lead_of_the_contact(api):
    agent = await create_signed_in(role=Role.MEMBER)
    known = await create_contact(agent.account, emails=["ada@example.com"])
    prospect = await create_prospect(agent.account, widget_id="w-1")

    await api.post(f"{PROSPECTS}/{prospect.id}/identity", headers=agent.headers)

    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        known.id,
        LeadSource.LIVE_CHAT,
        "w-1",
        False,
    )


async def test_nothing_to_confirm_is_a_conflict_and_changes_nothing(api):
    agent = await create_signed_in(role=Role.MEMBER)
    prospect = await create_prospect(agent.account, identity_pending=False)

    response = await api.post(f"{PROSPECTS}/{prospect.id}/identity", headers=agent.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "no_identity_to_confirm"
    assert (await ConversationProspect.get(prospect.id)).contact_id is None
    assert await Lead.find_all().count() == 0


async def test_another_accounts_prospect_answers_404(api):
    agent = await create_signed_in()
    theirs = await create_prospect(await create_account(name="Other agency"))

    read = await api.get(f"{PROSPECTS}/{theirs.id}", headers=agent.headers)
    confirm = await api.post(f"{PROSPECTS}/{theirs.id}/identity", headers=agent.headers)

    assert (read.status_code, confirm.status_code) == (404, 404)
    assert (await ConversationProspect.get(theirs.id)).identity_pending is True


async def test_confirming_needs_the_contacts_scope(api):
    client_user = await create_signed_in(role=Role.CLIENT)
    prospect = await create_prospect(client_user.account)

    response = await api.post(f"{PROSPECTS}/{prospect.id}/identity", headers=client_user.headers)

    assert response.status_code == 403
    assert (await ConversationProspect.get(prospect.id)).identity_pending is True
