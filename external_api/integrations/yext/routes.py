from typing import Annotated, Literal

from fastapi import APIRouter, Query

from external_api.integrations.framework.auth import IntegrationsRead
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.yext import service
from external_api.integrations.yext.schemas import Listing
from shared.providers.yext import Publisher
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/yext", tags=["yext"])

YEXT_ERRORS = (Unauthorized, Forbidden, InvalidInput, UpstreamTimeout, *CONNECTED_CALL_ERRORS)
ListingStatus = Literal[
    "LIVE",
    "OPTED_OUT",
    "UNAVAILABLE",
    "WAITING_ON_YEXT",
    "WAITING_ON_CUSTOMER",
    "WAITING_ON_PUBLISHER",
]
Ids = Annotated[list[str] | None, Query(max_length=100)]


@router.get(
    "/publishers",
    summary="The publishers the account's Yext subscription lists on",
    responses=error_responses(*YEXT_ERRORS),
)
async def list_publishers(
    integrations: IntegrationsDep, principal: IntegrationsRead
) -> list[Publisher]:
    return await service.list_publishers(integrations, principal.account_id)


@router.get(
    "/listings",
    summary="The account's listings on each publisher, with their status",
    description="Filtered by entity (`location_id`), publisher and status, each repeatable.",
    responses=error_responses(*YEXT_ERRORS),
)
async def list_listings(
    integrations: IntegrationsDep,
    principal: IntegrationsRead,
    paging: Paging,
    location_id: Ids = None,
    publisher_id: Ids = None,
    status: Annotated[list[ListingStatus] | None, Query()] = None,
) -> Page[Listing]:
    return await service.list_listings(
        integrations,
        principal.account_id,
        paging,
        location_id or [],
        publisher_id or [],
        list(status or []),
    )
