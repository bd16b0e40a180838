"""The queries automation runs make beyond the contact write path's (`shared.domain.contacts`)."""

from beanie import PydanticObjectId

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
