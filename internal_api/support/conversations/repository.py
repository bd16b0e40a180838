"""The support conversations a caller sees, as one repository: those of the account they act
in (its own questions) and those it answers (as its agency, or as the platform's support
account), the same rule as `shared.domain.messages.conversations.visible_to`. Any other
answers 404 like a missing one."""

from collections.abc import Mapping
from typing import Any

from shared.models.conversation import Conversation, ConversationKind
from shared.utilities.auth import Principal
from shared.utilities.repository import TenantRepository


class SupportInbox(TenantRepository[Conversation]):
    sortable = frozenset({"created_at", "updated_at", "last_activity_at"})
    noun = "Conversation"

    def __init__(self, principal: Principal) -> None:
        super().__init__(Conversation, principal.account_id)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        either_side = [{"account_id": self.account_id}, {"support_account_id": self.account_id}]
        mine = {"kind": ConversationKind.SUPPORT, "$or": either_side}
        return {"$and": [mine, dict(filters or {})]} if filters else mine
