from typing import Annotated, Literal

from fastapi import APIRouter, Query

from internal_api.activities import service
from internal_api.activities.auth import ActivitiesRead
from internal_api.activities.schemas import ActivityRead
from shared.models.crm_log import CrmLog
from shared.utilities.errors import SIGNED_IN, InvalidInput, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/activities", tags=["activities"])


@router.get(
    "",
    response_model=Page[ActivityRead],
    summary="The account's activity log, newest first",
    description="A member limited to their own records sees only their own entries; each "
    "record's full history is under the record.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_activities(
    principal: ActivitiesRead,
    paging: Paging,
    entity_type: Annotated[Literal["contact", "deal"] | None, Query()] = None,
) -> Page[CrmLog]:
    return await service.list_for_account(principal, paging, entity_type)
