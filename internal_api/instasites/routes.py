"""/v1/instasites: ready websites for prospect businesses, built on a Duda template from their
public data, to send as a preview link; a prospect who takes it has it claimed into one of the
account's sites. Progress (`instasite:progress`, with `status`, `progress` and `preview_url`)
is told on the general socket."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header

from internal_api.dependencies import Settings
from internal_api.instasites import service
from internal_api.instasites.auth import InstasitesAdmin, InstasitesRead
from internal_api.instasites.errors import (
    BusinessNameRequired,
    InstasiteNotReady,
    PlaceNotFound,
    PlacesUnavailable,
)
from internal_api.instasites.places import Places
from internal_api.instasites.repository import InstasiteRepository
from internal_api.instasites.schemas import InstasiteCreate, InstasiteRead
from shared.models.instasite import Instasite
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/instasites", tags=["instasites"])

InstasitePaging = Annotated[PageParams, Depends(sorted_by(InstasiteRepository.sortable))]


@router.post(
    "",
    status_code=202,
    response_model=InstasiteRead,
    summary="Build an InstaSite for a prospect business",
    description="Queued at once; built in the background (`status` `ready` with its "
    "`preview_url`, or `failed`).",
    responses=error_responses(
        *SIGNED_IN, NotFound, BusinessNameRequired, PlaceNotFound, PlacesUnavailable
    ),
)
async def create_instasite(
    body: InstasiteCreate,
    principal: InstasitesAdmin,
    settings: Settings,
    places: Places,
    authorization: Annotated[str, Header(include_in_schema=False)] = "",
) -> Instasite:
    async def place(place_id: str) -> dict:
        return await places.business(place_id, authorization)

    return await service.create_instasite(principal, body, settings.instasites_lifetime_days, place)


@router.get(
    "",
    response_model=Page[InstasiteRead],
    summary="The account's InstaSites",
    responses=error_responses(*SIGNED_IN),
)
async def list_instasites(principal: InstasitesRead, paging: InstasitePaging) -> Page[Instasite]:
    return await service.list_instasites(principal, paging)


@router.get(
    "/{instasite_id}",
    response_model=InstasiteRead,
    summary="One InstaSite",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_instasite(instasite_id: str, principal: InstasitesRead) -> Instasite:
    return await service.read_instasite(principal, instasite_id)


@router.post(
    "/{instasite_id}/claim",
    status_code=202,
    response_model=InstasiteRead,
    summary="Claim a ready InstaSite: it becomes one of the account's sites",
    responses=error_responses(*SIGNED_IN, NotFound, InstasiteNotReady),
)
async def claim_instasite(instasite_id: str, principal: InstasitesAdmin) -> Instasite:
    return await service.claim_instasite(principal, instasite_id)
