"""The conversations a user may read, as one repository: every query is scoped by the reading
rule (`visible_to`), so a conversation the user may not read answers 404 like a missing one."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.domain.messages.conversations import visible_to
from shared.models.account import Account
from shared.models.conversation import Conversation
from shared.utilities.auth import Principal
from shared.utilities.repository import OwnedRepository, TenantRepository


class VisibleConversations(TenantRepository[Conversation]):
    """The conversations the user may read; `create` makes one in the user's account."""

    sortable = frozenset({"created_at", "updated_at", "last_activity_at"})
    noun = "Conversation"

    def __init__(self, principal: Principal) -> None:
        super().__init__(Conversation, principal.account_id)
        self.reader_id = principal.sub

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), **visible_to(self.reader_id, str(self.account_id))}

    async def ids(self) -> list[PydanticObjectId]:
        return await Conversation.get_motor_collection().distinct("_id", self.scoped())


class SubAccounts(OwnedRepository[Account]):
    """An agency's sub-accounts, which client conversations are with."""

    noun = "Account"

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(Account, "parent_id", agency_id)
