"""The account's custom contact fields: their definitions, which contact values follow."""

from fastapi import APIRouter, Response

from internal_api.crm.custom_fields import service
from internal_api.crm.custom_fields.auth import CustomFieldsRead, CustomFieldsWrite
from internal_api.crm.custom_fields.schemas import (
    CustomFieldCreate,
    CustomFieldRead,
    CustomFieldUpdate,
)
from internal_api.crm.custom_fields.service import CustomFieldInUse, CustomFieldKeyTaken
from shared.models.custom_field import CustomField
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/crm/custom-fields", tags=["crm"])


@router.get(
    "",
    response_model=Page[CustomFieldRead],
    summary="The account's custom contact fields",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_custom_fields(caller: CustomFieldsRead, paging: Paging) -> Page[CustomField]:
    return await service.list_fields(caller, paging)


@router.post(
    "",
    status_code=201,
    response_model=CustomFieldRead,
    summary="Define a custom contact field",
    description="Select and multi-select fields need options; other types take none.",
    responses=error_responses(*SIGNED_IN, InvalidInput, CustomFieldKeyTaken),
)
async def create_custom_field(body: CustomFieldCreate, caller: CustomFieldsWrite) -> CustomField:
    return await service.create_field(caller, body)


@router.get(
    "/{field_id}",
    response_model=CustomFieldRead,
    summary="One custom contact field",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_custom_field(field_id: str, caller: CustomFieldsRead) -> CustomField:
    return await service.get_field(caller, field_id)


@router.patch(
    "/{field_id}",
    response_model=CustomFieldRead,
    summary="Relabel a custom field, change its type or its options",
    description="409 `custom_field_in_use` when contacts hold values and the type changes, or "
    "hold an option being dropped.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, CustomFieldInUse),
)
async def update_custom_field(
    field_id: str, body: CustomFieldUpdate, caller: CustomFieldsWrite
) -> CustomField:
    return await service.update_field(caller, field_id, body)


@router.delete(
    "/{field_id}",
    status_code=204,
    summary="Delete a custom field and its values on every contact",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_custom_field(field_id: str, caller: CustomFieldsWrite) -> Response:
    await service.delete_field(caller, field_id)
    return Response(status_code=204)
