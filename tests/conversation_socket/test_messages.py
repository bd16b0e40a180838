"""Sending messages, read receipts and delivery confirmations over the socket."""

from datetime import datetime

import pytest

from conversation_socket import messages
from shared.models.conversation_message import ConversationMessage
from shared.models.conversation_room import ConversationRoom
from tests.conversation_socket.factories import create_conversation, create_message
from tests.conversation_socket.queued import published_events, queued_kwargs
from tests.factories import create_account, create_signed_in
from tests.support_factories import conversation_of, create_support


@pytest.fixture
async def channel_pair(connect):
    """Two users of one account in the same channel, both joined: (ada, bob, channel)."""
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    ada.client, bob.client = await connect(ada), await connect(bob)
    for who in (ada, bob):
        await who.client.call("conversation:join", {"conversation_id": str(channel.id)})
    return ada, bob, channel


def sent(channel, body="Hello", **extra) -> dict:
    return {"conversation_id": str(channel.id), "body": body, **extra}


async def test_a_message_is_stored_and_acknowledged_with_its_id(channel_pair):
    ada, _, channel = channel_pair

    ack = await ada.client.call("message:send", sent(channel, client_id="c-1"))

    stored = await ConversationMessage.get(ack["message"]["id"])
    assert ack["ok"] is True
    assert ack["duplicate"] is False
    assert (stored.body, stored.sender_id, stored.client_id) == ("Hello", str(ada.user.id), "c-1")
    assert datetime.fromisoformat(ack["message"]["created_at"]) == stored.created_at


async def test_the_room_gets_the_message_with_its_server_id(channel_pair):
    ada, bob, channel = channel_pair

    ack = await ada.client.call("message:send", sent(channel))

    new = await bob.client.next("message:new")
    assert new == ack["message"]
    assert new["sender_id"] == str(ada.user.id)


async def test_a_resend_with_the_same_client_id_is_stored_and_emitted_once(channel_pair):
    ada, bob, channel = channel_pair
    first = await ada.client.call("message:send", sent(channel, client_id="c-1"))

    again = await ada.client.call("message:send", sent(channel, client_id="c-1"))
    await ada.client.call("message:send", sent(channel, "Next", client_id="c-2"))

    assert again["duplicate"] is True
    assert again["message"]["id"] == first["message"]["id"]
    assert (await bob.client.next("message:new"))["client_id"] == "c-1"
    assert (await bob.client.next("message:new"))["client_id"] == "c-2"
    assert await ConversationMessage.find({"conversation_id": channel.id}).count() == 2


async def test_a_new_message_is_published_for_webhooks(channel_pair, redis):
    ada, _, channel = channel_pair

    ack = await ada.client.call("message:send", sent(channel))

    events = await published_events(redis, "message.created")
    assert [event["data"] for event in events] == [ack["message"]]
    assert events[0]["account_id"] == str(channel.account_id)


async def test_a_message_with_attachments_only_is_accepted(channel_pair):
    ada, _, channel = channel_pair
    attachment = {"url": "https://files.example.com/a.pdf", "name": "a.pdf"}

    ack = await ada.client.call("message:send", sent(channel, "", attachments=[attachment]))

    assert ack["message"]["attachments"][0]["url"] == attachment["url"]


@pytest.mark.parametrize(
    "bad",
    [
        {"body": ""},
        {"body": "x" * 10_001},
        {"attachments": [{"url": "ftp://files.example.com/a", "name": "a"}]},
        {"client_id": ""},
        {"sender_id": "someone-else"},
    ],
    ids=["empty", "too-long", "attachment-url", "empty-client-id", "unknown-field"],
)
async def test_a_bad_message_is_refused_and_not_stored(channel_pair, bad):
    ada, _, channel = channel_pair

    ack = await ada.client.call("message:send", {**sent(channel), **bad})

    assert ack["error"]["code"] == "validation_error"
    assert await ConversationMessage.find({"conversation_id": channel.id}).count() == 0


async def test_a_message_to_another_accounts_conversation_is_refused(connect):
    ada = await create_signed_in()
    elsewhere = await create_conversation(await create_account(name="Other agency"))
    client = await connect(ada)

    ack = await client.call("message:send", sent(elsewhere))

    assert ack["error"]["code"] == "not_found"
    assert await ConversationMessage.find({"conversation_id": elsewhere.id}).count() == 0


async def test_a_malformed_event_disconnects_nobody(channel_pair):
    ada, bob, channel = channel_pair

    ack = await ada.client.call("message:send", ["not", "an", "object"])
    later = await ada.client.call("message:send", sent(channel))

    assert ack["error"]["code"] == "validation_error"
    assert later["ok"] is True
    assert (await bob.client.next("message:new"))["id"] == later["message"]["id"]


async def test_a_failure_on_our_side_is_an_error_acknowledgement(channel_pair, monkeypatch):
    ada, _, channel = channel_pair

    async def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(messages, "append_message", broken)

    ack = await ada.client.call("message:send", sent(channel))

    assert ack["ok"] is False
    assert ack["error"]["code"] == "internal_error"
    assert "fire" not in ack["error"]["message"]
    assert ada.client.sio.connected


async def test_a_read_receipt_moves_the_pointer_and_reaches_the_room(channel_pair):
    ada, bob, channel = channel_pair
    message = await create_message(channel, ada.user)
    receipt = {"conversation_id": str(channel.id), "message_id": str(message.id)}

    ack = await bob.client.call("message:read", receipt)

    relayed = await ada.client.next("message:read")
    room = await ConversationRoom.find_one({"participant_id": str(bob.user.id)})
    assert ack == {"ok": True, "moved": True}
    assert (relayed["user_id"], relayed["message_id"]) == (str(bob.user.id), str(message.id))
    assert room.last_read_message_id == message.id


async def test_a_read_receipt_for_an_older_message_changes_nothing(channel_pair):
    ada, bob, channel = channel_pair
    older = await create_message(channel, ada.user, "one")
    newer = await create_message(channel, ada.user, "two")
    await bob.client.call(
        "message:read", {"conversation_id": str(channel.id), "message_id": str(newer.id)}
    )

    ack = await bob.client.call(
        "message:read", {"conversation_id": str(channel.id), "message_id": str(older.id)}
    )

    room = await ConversationRoom.find_one({"participant_id": str(bob.user.id)})
    assert ack == {"ok": True, "moved": False}
    assert room.last_read_message_id == newer.id


async def test_a_receipt_for_a_message_of_another_conversation_is_not_found(channel_pair):
    ada, bob, channel = channel_pair
    other = await create_conversation(ada.account, title="random")
    message = await create_message(other, ada.user)

    ack = await bob.client.call(
        "message:read", {"conversation_id": str(channel.id), "message_id": str(message.id)}
    )

    assert ack["error"]["code"] == "not_found"


async def test_a_receipt_without_a_message_id_is_a_validation_error(channel_pair):
    _, bob, channel = channel_pair

    ack = await bob.client.call("message:read", {"conversation_id": str(channel.id)})

    assert ack["error"]["details"][0]["field"] == "message_id"


async def test_a_delivery_confirmation_moves_its_pointer_and_reaches_the_room(channel_pair):
    ada, bob, channel = channel_pair
    message = await create_message(channel, ada.user)

    ack = await bob.client.call(
        "message:delivered", {"conversation_id": str(channel.id), "message_id": str(message.id)}
    )

    relayed = await ada.client.next("message:delivered")
    room = await ConversationRoom.find_one({"participant_id": str(bob.user.id)})
    assert ack["moved"] is True
    assert relayed["message_id"] == str(message.id)
    assert room.last_delivered_message_id == message.id
    assert room.last_read_message_id is None


async def test_a_read_receipt_in_another_accounts_conversation_is_refused(connect):
    ada = await create_signed_in()
    outsider = await create_signed_in()
    elsewhere = await create_conversation(outsider.account)
    message = await create_message(elsewhere, outsider.user)
    client = await connect(ada)

    ack = await client.call(
        "message:read", {"conversation_id": str(elsewhere.id), "message_id": str(message.id)}
    )

    assert ack["error"]["code"] == "not_found"
    assert await ConversationRoom.find({"participant_id": str(ada.user.id)}).count() == 0


async def test_a_delivery_confirmation_with_a_malformed_message_id_is_refused(channel_pair):
    _, bob, channel = channel_pair

    ack = await bob.client.call(
        "message:delivered", {"conversation_id": str(channel.id), "message_id": "latest"}
    )

    assert ack["error"]["code"] == "validation_error"


async def test_a_delivery_in_a_support_conversation_queues_its_status_job(connect, redis):
    support = await create_support()
    conversation = await conversation_of(support)
    question = await create_message(conversation, support.customer.user, "Help")
    agent = await connect(support.agent)
    await redis.delete("support_message_status")

    ack = await agent.call(
        "message:delivered",
        {"conversation_id": str(conversation.id), "message_id": str(question.id)},
    )

    assert ack["moved"] is True
    assert await queued_kwargs(redis, "support_message_status") == [
        {
            "conversation_id": str(conversation.id),
            "reader_id": str(support.agent.user.id),
            "message_id": str(question.id),
            "status": "delivered",
        }
    ]
