"""A participant's place in a conversation: how far they have read and how far their
clients have received. One per (conversation, participant), made on first use.

The pointers move through `shared.domain.messages.pointers`, only forward.
"""

from datetime import datetime
from typing import Literal

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument

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
            # A participant's rooms. Not (participant_id, conversation_id): Beanie keeps one of
            # two indexes on the same fields in any order, and would drop the unique one above
            # (tests/rules/test_query_indexes.py).
            IndexModel([("participant_id", ASCENDING)]),
        ]
