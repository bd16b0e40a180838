"""Appending messages: once per client id, the conversation's last message forward only, and
the sender's read pointer on their own message."""

from shared.domain.messages.posting import append_message
from shared.models.conversation import Conversation
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.conversation_room import ConversationRoom
from tests.realtime_factories import create_channel


async def test_a_resend_with_the_same_client_id_stores_one_message(mongo):
    conversation = await create_channel()

    first, created = await append_message(conversation, SenderType.USER, "u1", "hi", None, "c-1")
    again, created_again = await append_message(
        conversation, SenderType.USER, "u1", "hi", None, "c-1"
    )

    assert (created, created_again) == (True, False)
    assert again.id == first.id
    assert await ConversationMessage.find({"conversation_id": conversation.id}).count() == 1


async def test_messages_without_a_client_id_are_all_stored(mongo):
    conversation = await create_channel()

    await append_message(conversation, SenderType.USER, "u1", "one")
    await append_message(conversation, SenderType.USER, "u1", "two")

    assert await ConversationMessage.find({"conversation_id": conversation.id}).count() == 2


async def test_the_conversation_keeps_its_newest_message(mongo):
    conversation = await create_channel()
    await append_message(conversation, SenderType.USER, "u1", "one")
    newest, _ = await append_message(conversation, SenderType.USER, "u2", "two")

    stored = await Conversation.get(conversation.id)

    assert stored.last_message.id == newest.id
    assert stored.last_message.body == "two"
    assert stored.last_activity_at == newest.created_at


async def test_the_sender_has_read_their_own_message(mongo):
    conversation = await create_channel()

    message, _ = await append_message(conversation, SenderType.USER, "u1", "hi")

    room = await ConversationRoom.find_one({"conversation_id": conversation.id})
    assert (room.participant_id, room.last_read_message_id) == ("u1", message.id)
