"""An account's team channels."""

from beanie import PydanticObjectId

from shared.models.conversation_channel import ConversationChannel
from shared.utilities.repository import TenantRepository


class Channels(TenantRepository[ConversationChannel]):
    sortable = frozenset({"created_at", "updated_at", "name"})
    noun = "Channel"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ConversationChannel, account_id)
