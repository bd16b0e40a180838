from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from internal_api.activities import service
from internal_api.activities.schemas import ActivityRead
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/activities", tags=["activities"])

CrmReader = Annotated[Principal, Depends(requires("contacts:read", "deals:read"))]


@router.get(
    "",
    summary="The account's activity log, newest first",
    description="A member limited to their own records sees only their own entries; each "
    "record's full history is under the record.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_activities(
    principal: CrmReader,
    paging: Paging,
    entity_type: Annotated[Literal["contact", "deal"] | None, Query()] = None,
) -> Page[ActivityRead]:
    page = await service.list_for_account(principal, paging, entity_type)
    return mapped(page, ActivityRead.of)
