"""An account's live-chat widgets."""

from beanie import PydanticObjectId

from shared.models.live_chat_widget import LiveChatWidget
from shared.utilities.repository import TenantRepository


class Widgets(TenantRepository[LiveChatWidget]):
    noun = "Widget"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(LiveChatWidget, account_id)
