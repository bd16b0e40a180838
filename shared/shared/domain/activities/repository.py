"""Every query on the activity log (`crm_logs`)."""

from collections.abc import Sequence
from typing import Any

from beanie import PydanticObjectId

from shared.models.crm_log import CrmLog
from shared.utilities.repository import TenantRepository


class ActivityRepository(TenantRepository[CrmLog]):
    noun = "Activity"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CrmLog, account_id)

    async def insert_many(self, entries: Sequence[CrmLog]) -> None:
        """Many entries in one round trip (an import's rows), each of this account."""
        if entries:
            assert all(entry.account_id == self.account_id for entry in entries)
            await CrmLog.insert_many(list(entries))

    async def with_change(self, entity_id: PydanticObjectId, field: str, new: Any) -> CrmLog | None:
        """The entry on the record holding this change: how a provider's event (a call, a
        lead) recorded once is found again when the event runs twice."""
        held = {"entity_id": entity_id, "changes": {"$elemMatch": {"field": field, "new": new}}}
        return await self.find_one(held)

    def of_record(self, entity_type: str, entity_id: PydanticObjectId) -> dict[str, Any]:
        """The filter of one record's history (for `paginate`)."""
        return {"entity_type": entity_type, "entity_id": entity_id}
