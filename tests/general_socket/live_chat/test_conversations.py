"""A visitor's messages go into one prospect conversation of the widget's account, which the
account's users follow live; its email becomes a CRM contact. A visitor hears its own
conversation and nothing else."""

import asyncio

import pytest

from conversation_socket.app import create_app as create_conversation_socket
from conversation_socket.settings import ConversationSocketSettings
from shared.models.contact import Contact
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage
from shared.models.conversation_prospect import ConversationProspect
from shared.models.lead import Lead, LeadSource
from shared.utilities.realtime import Socket, account_room, conversation_room
from tests.factories import create_contact, create_signed_in
from tests.general_socket.clients import SocketClient, emit_now
from tests.realtime_factories import create_widget


@pytest.fixture
async def agency(connect):
    """A signed-in user of an account with a widget, connected to the general socket."""
    me = await create_signed_in()
    widget = await create_widget(me.account)
    return me, widget, await connect({"session_id": me.session_id})


@pytest.fixture
async def visitor(agency, connect) -> SocketClient:
    _, widget, _ = agency
    return await connect({"widget_key": widget.key})


async def test_a_first_message_opens_a_prospect_conversation_in_the_widgets_account(
    agency, visitor
):
    me, _, _ = agency

    answer = await visitor.call("visitor:message", {"body": "Hello?"})

    assert answer["ok"] is True and answer["duplicate"] is False
    conversation = await Conversation.get(answer["conversation_id"])
    assert (conversation.account_id, conversation.kind) == (
        me.account.id,
        ConversationKind.PROSPECT,
    )
    prospect = await ConversationProspect.get(conversation.prospect_id)
    assert prospect.visitor_id == answer["visitor_id"]
    assert prospect.last_seen_at is not None
    stored = await ConversationMessage.get(answer["message"]["id"])
    assert (stored.body, stored.sender_type, stored.sender_id) == (
        "Hello?",
        "prospect",
        str(prospect.id),
    )


async def test_the_accounts_users_are_told_of_each_message(agency, visitor):
    _, _, user = agency

    answer = await visitor.call("visitor:message", {"body": "Hello?"})

    assert await user.next("live_chat:message") == {
        "conversation_id": answer["conversation_id"],
        "message_id": answer["message"]["id"],
        "preview": "Hello?",
    }


async def test_users_in_the_conversation_on_the_conversation_socket_get_the_message(
    agency, visitor, serve, new_client
):
    me, _, _ = agency
    first = await visitor.call("visitor:message", {"body": "Hello?"})
    async with serve(create_conversation_socket(ConversationSocketSettings())) as url:
        watcher = new_client()
        await watcher.connect(url, {"session_id": me.session_id})
        joined = await watcher.call(
            "conversation:join", {"conversation_id": first["conversation_id"]}
        )
        assert joined["ok"] is True

        second = await visitor.call("visitor:message", {"body": "Anyone there?"})

        assert await watcher.next("message:new") == second["message"]


async def test_an_agency_reply_on_the_conversation_socket_reaches_the_visitor(
    agency, visitor, serve, new_client
):
    me, _, _ = agency
    first = await visitor.call("visitor:message", {"body": "Hello?"})
    assert await visitor.next("message:new") == first["message"]
    async with serve(create_conversation_socket(ConversationSocketSettings())) as url:
        agent = new_client()
        await agent.connect(url, {"session_id": me.session_id})

        reply = await agent.call(
            "message:send",
            {"conversation_id": first["conversation_id"], "body": "Hi, how can we help?"},
        )

        assert reply["ok"] is True
        assert await visitor.next("message:new") == reply["message"]


async def test_the_visitor_hears_replies_in_its_conversation(agency, visitor, settings):
    answer = await visitor.call("visitor:message", {"body": "Hello?"})
    room = conversation_room(answer["conversation_id"])

    await emit_now(settings.redis_url, Socket.GENERAL, "message:new", {"body": "Hi!"}, room)

    assert await visitor.next("message:new") == answer["message"]  # its own, first
    assert await visitor.next("message:new") == {"body": "Hi!"}


async def test_later_messages_continue_the_same_conversation(visitor):
    first = await visitor.call("visitor:message", {"body": "Hello?"})

    second = await visitor.call("visitor:message", {"body": "Still here"})

    assert second["conversation_id"] == first["conversation_id"]
    assert await Conversation.find_all().count() == 1


async def test_a_resend_with_the_same_client_id_is_stored_and_announced_once(
    agency, visitor, settings
):
    _, _, user = agency
    message = {"body": "Hello?", "client_id": "m-1"}
    first = await visitor.call("visitor:message", message)

    again = await visitor.call("visitor:message", message)

    assert again["duplicate"] is True
    assert again["message"]["id"] == first["message"]["id"]
    assert await ConversationMessage.find_all().count() == 1
    await user.settle(settings.redis_url)
    assert len(user.got("live_chat:message")) == 1


async def test_a_reconnecting_visitor_continues_its_conversation(agency, connect, settings):
    _, widget, _ = agency
    first = await connect({"widget_key": widget.key})
    answer = await first.call("visitor:message", {"body": "Hello?"})
    await first.disconnect()

    again = await connect({"visitor_token": answer["visitor_token"]})
    room = conversation_room(answer["conversation_id"])
    await emit_now(settings.redis_url, Socket.GENERAL, "message:new", {"body": "Hi!"}, room)
    later = await again.call("visitor:message", {"body": "Back"})

    assert await again.next("message:new") == {"body": "Hi!"}
    assert later["conversation_id"] == answer["conversation_id"]


@pytest.mark.parametrize(
    "payload",
    [{}, {"body": ""}, {"body": "   "}, {"body": "x" * 10_001}, {"body": "hi", "room": "x"}],
)
async def test_a_bad_message_is_refused_and_stores_nothing(visitor, payload):
    answer = await visitor.call("visitor:message", payload)

    assert answer["ok"] is False
    assert answer["error"]["code"] == "validation_error"
    assert await ConversationMessage.find_all().count() == 0


async def test_a_visitor_does_not_hear_another_visitors_conversation(agency, connect, settings):
    _, widget, _ = agency
    alice = await connect({"widget_key": widget.key})
    bob = await connect({"widget_key": widget.key})
    await alice.call("visitor:message", {"body": "Hi from Alice"})

    mine = await bob.call("visitor:message", {"body": "Hi from Bob"})
    await bob.settle(settings.redis_url)

    assert [event["id"] for event in bob.got("message:new")] == [mine["message"]["id"]]
    assert await Conversation.find_all().count() == 2


async def test_a_visitor_does_not_hear_its_accounts_room(agency, visitor, settings):
    me, _, _ = agency
    await visitor.call("visitor:message", {"body": "Hello?"})

    await emit_now(
        settings.redis_url, Socket.GENERAL, "contact:created", {}, account_room(me.account.id)
    )
    await visitor.settle(settings.redis_url)

    assert visitor.got("contact:created") == []
    assert visitor.got("live_chat:message") == []


async def test_identifying_with_a_new_email_makes_a_contact_and_links_the_prospect(agency, visitor):
    me, _, user = agency

    answer = await visitor.call("visitor:identify", {"email": "Ada@Example.com", "name": "Ada"})

    assert answer == {"ok": True, "prospect_id": answer["prospect_id"]}
    [contact] = await Contact.find_all().to_list()
    assert (contact.account_id, contact.emails, contact.source) == (
        me.account.id,
        ["ada@example.com"],
        "live_chat",
    )
    prospect = await ConversationProspect.get(answer["prospect_id"])
    assert (prospect.name, prospect.email, prospect.contact_id, prospect.identity_pending) == (
        "Ada",
        "ada@example.com",
        contact.id,
        False,
    )
    assert await user.next("live_chat:identified") == {
        "prospect_id": answer["prospect_id"],
        "name": "Ada",
        "email": "ada@example.com",
        "identity_pending": False,
    }


async def test_identifying_with_a_new_email_is_a_lead_through_the_widget(agency, visitor):
    _, widget, _ = agency

    await visitor.call("visitor:identify", {"email": "ada@example.com", "name": "Ada"})

    [contact] = await Contact.find_all().to_list()
    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.LIVE_CHAT,
        str(widget.id),
        True,
    )


async def test_a_known_customers_email_is_recorded_as_a_claim_not_linked(agency, visitor):
    me, _, user = agency
    known = await create_contact(me.account, emails=["ada@example.com"])

    answer = await visitor.call("visitor:identify", {"email": "ada@example.com"})

    assert str(known.id) not in str(answer)
    prospect = await ConversationProspect.get(answer["prospect_id"])
    assert (prospect.email, prospect.contact_id, prospect.identity_pending) == (
        "ada@example.com",
        None,
        True,
    )
    assert (await user.next("live_chat:identified"))["identity_pending"] is True
    assert await Contact.find_all().count() == 1


async def test_saying_the_same_email_again_keeps_the_link(agency, visitor):
    first = await visitor.call("visitor:identify", {"email": "ada@example.com"})

    await visitor.call("visitor:identify", {"email": "ada@example.com", "name": "Ada"})

    prospect = await ConversationProspect.get(first["prospect_id"])
    assert (prospect.contact_id is not None, prospect.identity_pending) == (True, False)
    assert await Contact.find_all().count() == 1


async def test_a_visitors_name_titles_their_conversation(agency, visitor):
    written = await visitor.call("visitor:message", {"body": "Hello?"})

    await visitor.call("visitor:identify", {"email": "grace@example.com", "name": "Grace"})

    conversation = await Conversation.get(written["conversation_id"])
    assert conversation.title == "Grace"


async def test_a_visitor_who_gives_their_name_first_opens_a_conversation_titled_with_it(
    agency, visitor
):
    await visitor.call("visitor:identify", {"email": "grace@example.com", "name": "Grace"})

    written = await visitor.call("visitor:message", {"body": "Hello?"})

    conversation = await Conversation.get(written["conversation_id"])
    assert conversation.title == "Grace"


async def test_a_bad_email_is_refused_and_creates_nothing(visitor):
    answer = await visitor.call("visitor:identify", {"email": "not-an-email", "name": "Ada"})

    assert answer["error"]["code"] == "validation_error"
    assert answer["error"]["details"][0]["field"] == "email"
    assert await Contact.find_all().count() == 0
    assert await ConversationProspect.find_all().count() == 0


async def test_two_tabs_writing_at_once_share_one_conversation(agency, connect):
    _, widget, _ = agency
    first_tab = await connect({"widget_key": widget.key})
    token = (await first_tab.call("visitor:session"))["visitor_token"]
    second_tab = await connect({"visitor_token": token})

    answers = await asyncio.gather(
        first_tab.call("visitor:message", {"body": "one"}),
        second_tab.call("visitor:message", {"body": "two"}),
    )

    assert answers[0]["conversation_id"] == answers[1]["conversation_id"]
    assert await Conversation.find_all().count() == 1
    assert await ConversationProspect.find_all().count() == 1
