"""Messages of the conversations a caller has been allowed to read (a client conversation's
messages belong to the sub-account, and are read from the agency too)."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.conversation_message import ConversationMessage
from shared.utilities.repository import TenantRepository


class MessagesIn(TenantRepository[ConversationMessage]):
    """Scoped by conversation rather than by account: the caller checked each conversation."""

    sortable = frozenset({"created_at"})
    noun = "Message"

    def __init__(self, conversation_ids: list[PydanticObjectId]) -> None:
        self.model = ConversationMessage
        self.conversation_ids = conversation_ids

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), "conversation_id": {"$in": self.conversation_ids}}

    async def window(
        self,
        after: PydanticObjectId | None,
        before: PydanticObjectId | None,
        limit: int,
    ) -> list[ConversationMessage]:
        """Oldest first after a message; otherwise newest first, before a message when given."""
        if after:
            bounds, order = {"_id": {"$gt": after}}, "+_id"
        else:
            bounds, order = ({"_id": {"$lt": before}} if before else {}), "-_id"
        query = self.model.find(self.scoped(bounds)).sort(order).limit(limit)
        return await query.to_list()
