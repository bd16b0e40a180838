from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from external_api.integrations.framework.auth import IntegrationsRead
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.yext import service
from external_api.integrations.yext.business import entity_business
from external_api.integrations.yext.listing import matching_listing
from external_api.integrations.yext.schemas import Listing
from shared.domain.instareports.listings import BusinessListing
from shared.models.instareport import Business
from shared.providers.yext import Publisher
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
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
InternalApi = Annotated[Principal, Depends(requires_service("internal_api"))]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
EntityId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,100}$")]


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


@router.get(
    "/accounts/{account_id}/entities/{entity_id}/business",
    summary="A Yext entity's business data, for an InstaSite (services only)",
    description="Its name, description, phone, email, website, address, opening hours, logo and "
    "photos, through the account's connection; 409 `not_connected` when it has none.",
    responses=error_responses(*YEXT_ERRORS, NotFound),
)
async def entity_business_data(
    account_id: DocumentId,
    entity_id: EntityId,
    caller: InternalApi,
    integrations: IntegrationsDep,
) -> dict:
    return await entity_business(integrations, account_id, entity_id)


@router.post(
    "/accounts/{account_id}/listing",
    summary="The account's location matching a business (the queue manager only)",
    description="An InstaReport's listings check: the account's location entities matched on "
    "name, address, phone and website; 409 `not_connected` without a key, 404 when none "
    "matches.",
    responses=error_responses(*YEXT_ERRORS, NotFound),
)
async def business_listing(
    account_id: DocumentId, body: Business, caller: QueueManager, integrations: IntegrationsDep
) -> BusinessListing:
    return await matching_listing(integrations, account_id, body)
