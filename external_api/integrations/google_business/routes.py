from typing import Annotated

from fastapi import APIRouter, Depends, Path

from external_api.integrations.framework.dependencies import (
    IntegrationsDep,
    IntegrationsReader,
    IntegrationsWriter,
    connection_to,
)
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_business import service
from external_api.integrations.google_business.schemas import (
    BusinessLocationRead,
    ReviewRead,
    ReviewSync,
)
from shared.utilities.errors import (
    Forbidden,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
Profile = Annotated[ConnectedHttp, Depends(connection_to(service.PROVIDER))]


@router.post(
    "/accounts/{google_account}/locations/sync",
    summary="Read every location of a Google Business Profile account into the platform",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_locations(
    google_account: Annotated[str, Path(pattern=r"^[0-9]{1,30}$")],
    principal: IntegrationsWriter,
    profile: Profile,
    integrations: IntegrationsDep,
) -> list[BusinessLocationRead]:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_locations(profile, reviews_url, principal.account_id, google_account)


@router.get(
    "/locations",
    summary="The account's stored Business Profile locations",
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_locations(
    principal: IntegrationsReader, params: Paging
) -> Page[BusinessLocationRead]:
    return await service.list_locations(principal.account_id, params)


@router.post(
    "/locations/{location_id}/reviews/sync",
    summary="Read every review of a stored location into the platform",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def sync_reviews(
    location_id: str, principal: IntegrationsWriter, profile: Profile, integrations: IntegrationsDep
) -> ReviewSync:
    reviews_url = integrations.settings.google.business_reviews_url
    return await service.sync_reviews(profile, reviews_url, principal.account_id, location_id)


@router.get(
    "/locations/{location_id}/reviews",
    summary="A stored location's reviews",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def list_reviews(
    location_id: str, principal: IntegrationsReader, params: Paging
) -> Page[ReviewRead]:
    return await service.list_reviews(principal.account_id, location_id, params)
