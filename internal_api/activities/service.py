"""Reading the activity log (every process writes it through `shared.domain.activities`)."""

from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.visibility import visibility_filter
from shared.domain.activities.repository import ActivityRepository
from shared.models.crm_log import CrmLog
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


async def list_for_account(
    principal: Principal, params: PageParams, entity_type: str | None = None
) -> Page[CrmLog]:
    """Newest first. A member limited to their own records reads only their own entries here."""
    filters: dict[str, Any] = {"entity_type": entity_type} if entity_type else {}
    if await visibility_filter(principal):
        filters["actor_id"] = PydanticObjectId(principal.sub)
    return await ActivityRepository(principal.account_id).paginate(params, filters)
