"""A named group of users of an account; its members are its conversation's participants
(kind `group`)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class ConversationGroup(TenantDocument):
    name: str
    conversation_id: PydanticObjectId
    created_by: str

    class Settings:
        name = "conversation_groups"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("name", ASCENDING)]),
            IndexModel([("conversation_id", ASCENDING)], unique=True),
        ]
