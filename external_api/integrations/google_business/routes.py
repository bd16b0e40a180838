from typing import Annotated

from fastapi import APIRouter, Depends, Path

from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import (
    DocumentId,
    IntegrationsDep,
    connection_to,
)
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_business import service
from external_api.integrations.google_business.repository import PROVIDER
from external_api.integrations.google_business.schemas import (
    BusinessLocationRead,
    ReviewRead,
    ReviewSync,
)
from shared.models.business_location import BusinessLocation
from shared.models.review import Review
from shared.utilities.errors import (
    Forbidden,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix=f"/v1/e/{PROVIDER}", tags=[PROVIDER])
Profile = Annotated[ConnectedHttp, Depends(connection_to(PROVIDER))]


@router.post(
    "/accounts/{google_account}/locations/sync",
    summary="Read every location of a Google Business Profile account into the platform",
    response_model=list[BusinessLocationRead],
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_locations(
    google_account: Annotated[str, Path(pattern=r"^[0-9]{1,30}$")],
    principal: IntegrationsWrite,
    profile: Profile,
    integrations: IntegrationsDep,
) -> list[BusinessLocation]:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_locations(profile, reviews_url, principal.account_id, google_account)


@router.get(
    "/locations",
    summary="The account's stored Business Profile locations",
    response_model=Page[BusinessLocationRead],
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_locations(principal: IntegrationsRead, params: Paging) -> Page[BusinessLocation]:
    return await service.list_locations(principal.account_id, params)


@router.post(
    "/locations/{location_id}/reviews/sync",
    summary="Read every review of a stored location into the platform",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_reviews(
    location_id: DocumentId,
    principal: IntegrationsWrite,
    profile: Profile,
    integrations: IntegrationsDep,
) -> ReviewSync:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_reviews(profile, reviews_url, principal.account_id, location_id)


@router.get(
    "/locations/{location_id}/reviews",
    summary="A stored location's reviews",
    response_model=Page[ReviewRead],
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def list_reviews(
    location_id: DocumentId, principal: IntegrationsRead, params: Paging
) -> Page[Review]:
    return await service.list_reviews(principal.account_id, location_id, params)
