"""The caller's saved list filters: private to them, in their active account."""

from fastapi import APIRouter, Response

from internal_api.filters import service
from internal_api.filters.auth import FiltersRead, FiltersWrite
from internal_api.filters.schemas import SavedFilterCreate, SavedFilterRead, SavedFilterUpdate
from shared.models.filter import SavedFilter
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/filters", tags=["filters"])


@router.get(
    "",
    summary="The caller's saved filters",
    responses=error_responses(*SIGNED_IN, InvalidInput),
    response_model=Page[SavedFilterRead],
)
async def list_filters(principal: FiltersRead, paging: Paging) -> Page[SavedFilter]:
    return await service.list_filters(principal, paging)


@router.post(
    "",
    status_code=201,
    summary="Save a filter",
    description="Conditions as on `POST /v1/crm/contacts/search`; checked now (422 naming a "
    "bad one).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
    response_model=SavedFilterRead,
)
async def create_filter(body: SavedFilterCreate, principal: FiltersWrite) -> SavedFilter:
    return await service.create_filter(principal, body)


@router.get(
    "/{filter_id}",
    summary="One of the caller's saved filters",
    responses=error_responses(*SIGNED_IN, NotFound),
    response_model=SavedFilterRead,
)
async def read_filter(filter_id: str, principal: FiltersRead) -> SavedFilter:
    return await service.get_filter(principal, filter_id)


@router.patch(
    "/{filter_id}",
    summary="Change a saved filter",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
    response_model=SavedFilterRead,
)
async def update_filter(
    filter_id: str, body: SavedFilterUpdate, principal: FiltersWrite
) -> SavedFilter:
    return await service.update_filter(principal, filter_id, body)


@router.delete(
    "/{filter_id}",
    status_code=204,
    summary="Delete a saved filter",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_filter(filter_id: str, principal: FiltersWrite) -> Response:
    await service.delete_filter(principal, filter_id)
    return Response(status_code=204)
