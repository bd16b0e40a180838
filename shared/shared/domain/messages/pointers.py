"""A participant's place in a conversation: how far they have read and how far their clients
have received. The pointers only move forward, so a late or replayed receipt for an older
message changes nothing; a reconnecting client asks for the messages after its last-read one.
"""

from beanie import PydanticObjectId

from shared.domain.messages import repository
from shared.domain.support.statuses import track_receipt
from shared.models.conversation import Conversation
from shared.models.conversation_message import ConversationMessage
from shared.models.conversation_room import Pointer
from shared.utilities.errors import NotFound


async def advance(
    conversation: Conversation, participant_id: str, pointer: Pointer, message: ConversationMessage
) -> bool:
    """Move the participant's pointer to the message if it is further on; True if it moved."""
    seat = await repository.take_seat(conversation, participant_id)
    return await repository.move_pointer(seat, pointer, message.id)


async def receive(
    conversation: Conversation, participant_id: str, pointer: Pointer, message: ConversationMessage
) -> bool:
    """A participant's receipt (delivered or read up to the message): the pointer moved if it
    is further on, and in a support conversation the messages' status following it
    (`shared.domain.support.statuses`); True if it moved."""
    moved = await advance(conversation, participant_id, pointer, message)
    if moved:
        track_receipt(conversation, participant_id, pointer, message)
    return moved


async def message_in(conversation: Conversation, message_id: str) -> ConversationMessage:
    """The message, if it is one of this conversation's."""
    found = await repository.message_in(conversation.id, PydanticObjectId(message_id))
    if found is None:
        raise NotFound(f"Message {message_id} does not exist in this conversation.")
    return found


async def last_read(
    reader_id: str, conversations: list[Conversation]
) -> dict[PydanticObjectId, PydanticObjectId | None]:
    """The reader's last-read message in each conversation (absent: none read yet)."""
    ids = [conversation.id for conversation in conversations]
    seats = await repository.seats_of(reader_id, ids)
    return {seat.conversation_id: seat.last_read_message_id for seat in seats}


async def unread_count(
    conversation: Conversation, reader_id: str, last_read: PydanticObjectId | None
) -> int:
    """Messages from others after the reader's last-read pointer."""
    return await repository.count_unread(conversation.id, reader_id, last_read)
