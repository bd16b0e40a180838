"""Who may read a conversation, and the scopes the routes require.

The rule itself is `shared.models.conversation.visible_to` (the conversation socket applies
the same one); here it scopes a repository, so a conversation the user may not read answers
404 exactly like a missing one."""

from collections.abc import Mapping
from typing import Annotated, Any

from beanie import PydanticObjectId
from fastapi import Depends

from shared.models.conversation import Conversation, visible_to
from shared.utilities.auth import Principal, requires
from shared.utilities.repository import TenantRepository

ConversationsReader = Annotated[Principal, Depends(requires("conversations:read"))]
ConversationsWriter = Annotated[Principal, Depends(requires("conversations:write"))]


class VisibleConversations(TenantRepository[Conversation]):
    """The conversations the user may read; `create` makes one in the user's account."""

    sortable = frozenset({"created_at", "updated_at", "last_activity_at"})

    def __init__(self, principal: Principal) -> None:
        super().__init__(Conversation, principal.account_id)
        self.reader_id = principal.sub

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), **visible_to(self.reader_id, str(self.account_id))}

    async def ids(self) -> list[PydanticObjectId]:
        return await Conversation.get_motor_collection().distinct("_id", self.scoped())


async def visible_conversation(principal: Principal, conversation_id: str) -> Conversation:
    return await VisibleConversations(principal).get(conversation_id)
