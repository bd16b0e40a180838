"""Read and delivered pointers: forward only; unread counts from the last-read pointer."""

import pytest

from shared.domain.messages import pointers
from shared.domain.messages.posting import append_message
from shared.models.conversation_message import SenderType
from shared.models.conversation_room import ConversationRoom
from shared.utilities.errors import NotFound
from tests.realtime_factories import create_channel


async def test_unread_counts_messages_from_others_after_the_pointer(mongo):
    conversation = await create_channel()
    read, _ = await append_message(conversation, SenderType.USER, "u2", "one")
    await append_message(conversation, SenderType.USER, "u2", "two")
    await append_message(conversation, SenderType.USER, "u1", "mine")

    assert await pointers.unread_count(conversation, "u1", read.id) == 1
    assert await pointers.unread_count(conversation, "u1", None) == 2


async def test_a_pointer_never_moves_back(mongo):
    conversation = await create_channel()
    older, _ = await append_message(conversation, SenderType.USER, "u2", "one")
    newer, _ = await append_message(conversation, SenderType.USER, "u2", "two")
    await pointers.advance(conversation, "u1", "last_read_message_id", newer)

    moved = await pointers.advance(conversation, "u1", "last_read_message_id", older)

    room = await ConversationRoom.find_one({"participant_id": "u1"})
    assert moved is False
    assert room.last_read_message_id == newer.id


async def test_a_message_of_another_conversation_is_not_found_in_this_one(mongo):
    conversation = await create_channel()
    elsewhere, _ = await append_message(await create_channel(), SenderType.USER, "u1", "hi")

    with pytest.raises(NotFound):
        await pointers.message_in(conversation, str(elsewhere.id))


async def test_the_last_read_pointers_are_the_readers_own(mongo):
    conversation = await create_channel()
    message, _ = await append_message(conversation, SenderType.USER, "u2", "one")

    mine = await pointers.last_read("u1", [conversation])
    theirs = await pointers.last_read("u2", [conversation])

    assert mine == {}
    assert theirs == {conversation.id: message.id}
