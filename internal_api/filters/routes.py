"""The caller's saved list filters: private to them, in their active account."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.filters import service
from internal_api.filters.schemas import SavedFilterCreate, SavedFilterRead, SavedFilterUpdate
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/filters", tags=["filters"])

# Saving a filter changes no contact: reading contacts is what it takes.
ContactsRead = Annotated[Principal, Depends(requires("contacts:read"))]

SIGNED_IN = (Unauthorized, Forbidden)


@router.get(
    "",
    summary="The caller's saved filters",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_filters(principal: ContactsRead, paging: Paging) -> Page[SavedFilterRead]:
    return mapped(await service.list_filters(principal, paging), SavedFilterRead.of)


@router.post(
    "",
    status_code=201,
    summary="Save a filter",
    description="Conditions as on `POST /v1/crm/contacts/search`; checked now (422 naming a "
    "bad one).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_filter(body: SavedFilterCreate, principal: ContactsRead) -> SavedFilterRead:
    return SavedFilterRead.of(await service.create_filter(principal, body))


@router.get(
    "/{filter_id}",
    summary="One of the caller's saved filters",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_filter(filter_id: str, principal: ContactsRead) -> SavedFilterRead:
    return SavedFilterRead.of(await service.get_filter(principal, filter_id))


@router.patch(
    "/{filter_id}",
    summary="Change a saved filter",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_filter(
    filter_id: str, body: SavedFilterUpdate, principal: ContactsRead
) -> SavedFilterRead:
    return SavedFilterRead.of(await service.update_filter(principal, filter_id, body))


@router.delete(
    "/{filter_id}",
    status_code=204,
    summary="Delete a saved filter",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_filter(filter_id: str, principal: ContactsRead) -> Response:
    await service.delete_filter(principal, filter_id)
    return Response(status_code=204)
