"""A participant's place in a conversation: how far they have read and how far their
clients have received. One per (conversation, participant), made on first use.

The pointers only move forward: a late or replayed receipt for an older message changes
nothing. A reconnecting client asks REST for the messages after its last-read pointer.
"""

from contextlib import suppress
from datetime import datetime
from typing import Literal

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel
from pymongo.errors import DuplicateKeyError

from shared.models.base import TenantDocument, utc_now
from shared.models.conversation import Conversation

Pointer = Literal["last_read_message_id", "last_delivered_message_id"]


class ConversationRoom(TenantDocument):
    conversation_id: PydanticObjectId
    participant_id: str  # a user id, or a prospect's id
    last_read_message_id: PydanticObjectId | None = None
    last_read_at: datetime | None = None
    last_delivered_message_id: PydanticObjectId | None = None
    last_delivered_at: datetime | None = None

    class Settings:
        name = "conversation_rooms"
        use_state_management = True
        indexes = [
            IndexModel(
                [("conversation_id", ASCENDING), ("participant_id", ASCENDING)], unique=True
            ),
            IndexModel([("participant_id", ASCENDING), ("conversation_id", ASCENDING)]),
        ]


async def advance_pointer(
    conversation: Conversation, participant_id: str, pointer: Pointer, message_id: PydanticObjectId
) -> bool:
    """Move the participant's pointer to the message if it is further on; True if it moved."""
    collection = ConversationRoom.get_motor_collection()
    seat = {"conversation_id": conversation.id, "participant_id": participant_id}
    now = utc_now()
    # A concurrent first use may make it at the same moment.
    with suppress(DuplicateKeyError):
        await collection.update_one(
            seat,
            {
                "$setOnInsert": {
                    **seat,
                    "account_id": conversation.account_id,
                    "created_at": now,
                    "updated_at": now,
                }
            },
            upsert=True,
        )
    behind = {"$or": [{pointer: None}, {pointer: {"$lt": message_id}}]}
    at = pointer.replace("_message_id", "_at")
    result = await collection.update_one(
        {**seat, **behind}, {"$set": {pointer: message_id, at: now, "updated_at": now}}
    )
    return result.modified_count == 1
