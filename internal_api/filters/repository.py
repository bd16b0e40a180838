"""The caller's saved filters: another user's, even in the same account, answers 404."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.filter import SavedFilter
from shared.utilities.auth import Principal
from shared.utilities.repository import TenantRepository


class SavedFilterRepository(TenantRepository[SavedFilter]):
    """The caller's saved filters in their account."""

    noun = "Saved filter"

    def __init__(self, principal: Principal) -> None:
        super().__init__(SavedFilter, principal.account_id)
        self.user_id = PydanticObjectId(principal.sub)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "user_id": self.user_id}
