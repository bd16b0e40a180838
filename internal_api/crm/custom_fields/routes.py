"""The account's custom contact fields: their definitions, which contact values follow."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.crm.custom_fields import service
from internal_api.crm.custom_fields.schemas import (
    CustomFieldCreate,
    CustomFieldRead,
    CustomFieldUpdate,
)
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/crm/custom-fields", tags=["crm"])

ContactsRead = Annotated[Principal, Depends(requires("contacts:read"))]
ContactsWrite = Annotated[Principal, Depends(requires("contacts:write"))]

SIGNED_IN = (Unauthorized, Forbidden)


@router.get(
    "",
    summary="The account's custom contact fields",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_custom_fields(principal: ContactsRead, paging: Paging) -> Page[CustomFieldRead]:
    page = await service.list_fields(principal.account_id, paging)
    return mapped(page, CustomFieldRead.of)


@router.post(
    "",
    status_code=201,
    summary="Define a custom contact field",
    description="Select and multi-select fields need options; other types take none.",
    responses=error_responses(*SIGNED_IN, InvalidInput, Conflict),
)
async def create_custom_field(body: CustomFieldCreate, principal: ContactsWrite) -> CustomFieldRead:
    return CustomFieldRead.of(await service.create_field(principal.account_id, body))


@router.get(
    "/{field_id}",
    summary="One custom contact field",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_custom_field(field_id: str, principal: ContactsRead) -> CustomFieldRead:
    return CustomFieldRead.of(await service.get_field(principal.account_id, field_id))


@router.patch(
    "/{field_id}",
    summary="Relabel a custom field, change its type or its options",
    description="409 when contacts hold values and the type changes, or hold an option "
    "being dropped.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, Conflict),
)
async def update_custom_field(
    field_id: str, body: CustomFieldUpdate, principal: ContactsWrite
) -> CustomFieldRead:
    return CustomFieldRead.of(await service.update_field(principal.account_id, field_id, body))


@router.delete(
    "/{field_id}",
    status_code=204,
    summary="Delete a custom field and its values on every contact",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_custom_field(field_id: str, principal: ContactsWrite) -> Response:
    await service.delete_field(principal.account_id, field_id)
    return Response(status_code=204)
