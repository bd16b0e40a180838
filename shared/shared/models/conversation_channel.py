"""A team channel of an account: its unique name and topic; its messages are in its
conversation (kind `channel`)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConversationChannel(TenantDocument):
    name: str
    topic: str = ""
    conversation_id: PydanticObjectId
    created_by: str

    class Settings:
        name = "conversation_channels"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("name", ASCENDING)], unique=True),
            IndexModel([("conversation_id", ASCENDING)], unique=True),
            # The list, by when made (its default order), read either way.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
