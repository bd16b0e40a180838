"""The account's CRM tags, with how many contacts carry each."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.crm.tags import service
from internal_api.crm.tags.schemas import TagCreate, TagRead, TagUpdate
from internal_api.crm.tags.service import TAG_SORTS
from internal_api.crm.visibility import VisibleRepository, visible
from shared.models.contact import Contact
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, sorted_paging

router = APIRouter(prefix="/v1/crm/tags", tags=["crm"])

ContactsRead = Annotated[Principal, Depends(requires("contacts:read"))]
ContactsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
VisibleContacts = Annotated[VisibleRepository[Contact], Depends(visible(Contact))]

SIGNED_IN = (Unauthorized, Forbidden)
TagPaging = sorted_paging(TAG_SORTS)


@router.get(
    "",
    summary="The account's tags and how many live contacts the caller sees carry each",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_tags(
    principal: ContactsRead, contacts: VisibleContacts, paging: TagPaging
) -> Page[TagRead]:
    page, counts = await service.list_tags(principal.account_id, paging, contacts)
    return Page(
        data=[TagRead.of(tag, counts.get(tag.name, 0)) for tag in page.data],
        pagination=page.pagination,
    )


@router.post(
    "",
    status_code=201,
    summary="Create a tag",
    description="Tags given to a contact are also created on first use.",
    responses=error_responses(*SIGNED_IN, InvalidInput, Conflict),
)
async def create_tag(body: TagCreate, principal: ContactsWrite) -> TagRead:
    return TagRead.of(await service.create_tag(principal.account_id, body.name), 0)


@router.patch(
    "/{tag_id}",
    summary="Rename a tag on every contact that carries it",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, Conflict),
)
async def rename_tag(
    tag_id: str, body: TagUpdate, principal: ContactsWrite, contacts: VisibleContacts
) -> TagRead:
    if body.name is None:
        tag = await service.get_tag(principal.account_id, tag_id)
    else:
        tag = await service.rename_tag(principal.account_id, tag_id, body.name)
    return TagRead.of(tag, await service.count_carrying(contacts, tag.name))


@router.delete(
    "/{tag_id}",
    status_code=204,
    summary="Delete a tag and take it off every contact",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_tag(tag_id: str, principal: ContactsWrite) -> Response:
    await service.delete_tag(principal.account_id, tag_id)
    return Response(status_code=204)
