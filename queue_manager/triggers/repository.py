"""The queries automation runs make beyond the contact write path's (`shared.domain.contacts`):
their own runs, found by id alone (the tasks act for the platform), and the deals they change."""

from datetime import datetime

from beanie import PydanticObjectId

from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.models.deal import Deal
from shared.utilities.repository import TenantRepository


async def set_deal_owner(
    account_id: PydanticObjectId, deal_id: PydanticObjectId, owner_id: PydanticObjectId
) -> bool:
    """The account's deal given an owner; False when it no longer exists."""
    deal = TenantRepository(Deal, account_id).scoped({"_id": deal_id})
    changed = {"$set": {"owner_id": owner_id, "updated_at": utc_now()}}
    outcome = await Deal.get_motor_collection().update_one(deal, changed)
    return outcome.matched_count > 0


async def run(log_id: str) -> AutomationLog | None:
    return await AutomationLog.get(log_id)


async def pending_runs_created_before(moment: datetime, limit: int) -> list[AutomationLog]:
    """Runs still pending that were created before `moment`, oldest first."""
    stale = {"status": RunStatus.PENDING.value, "created_at": {"$lt": moment}}
    return await AutomationLog.find(stale).sort("+created_at").limit(limit).to_list()
