"""A conversation as one user sees it: how many messages they have not read, and where their
last-read pointer is (a reconnecting client asks for the messages after it)."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.models.conversation import Conversation
from shared.models.conversation_message import unread_count
from shared.models.conversation_room import ConversationRoom


@dataclass(frozen=True)
class Reading:
    conversation: Conversation
    unread_count: int
    last_read_message_id: PydanticObjectId | None


async def readings(reader_id: str, conversations: list[Conversation]) -> list[Reading]:
    rooms = await ConversationRoom.find(
        {
            "conversation_id": {"$in": [conversation.id for conversation in conversations]},
            "participant_id": reader_id,
        }
    ).to_list()
    pointers = {room.conversation_id: room.last_read_message_id for room in rooms}
    return [
        Reading(
            conversation,
            await unread_count(conversation.id, reader_id, pointers.get(conversation.id)),  # type: ignore[arg-type]
            pointers.get(conversation.id),  # type: ignore[arg-type]
        )
        for conversation in conversations
    ]


async def reading(reader_id: str, conversation: Conversation) -> Reading:
    return (await readings(reader_id, [conversation]))[0]
