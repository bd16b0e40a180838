"""A conversation as one user sees it: its own fields, how many messages they have not read,
and where their last-read pointer is (a reconnecting client asks for the messages after it)."""

from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId

from shared.domain.messages import pointers
from shared.models.conversation import Conversation


@dataclass(frozen=True)
class Reading:
    """What `ConversationRead` answers: the reader's state here, the conversation's fields
    read through."""

    conversation: Conversation
    unread_count: int
    last_read_message_id: PydanticObjectId | None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conversation, name)


async def readings(reader_id: str, conversations: list[Conversation]) -> list[Reading]:
    last_read = await pointers.last_read(reader_id, conversations)
    return [
        Reading(
            conversation,
            await pointers.unread_count(conversation, reader_id, last_read.get(conversation.id)),
            last_read.get(conversation.id),
        )
        for conversation in conversations
    ]


async def reading(reader_id: str, conversation: Conversation) -> Reading:
    return (await readings(reader_id, [conversation]))[0]
