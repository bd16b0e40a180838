"""The account's CRM tags, with how many contacts carry each."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.crm.tags import service
from internal_api.crm.tags.auth import TagsRead, TagsWrite
from internal_api.crm.tags.schemas import TagCreate, TagRead, TagUpdate
from internal_api.crm.tags.service import CountedTag, TagNameTaken
from shared.domain.contacts.repository import TagRepository
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/crm/tags", tags=["crm"])

TagPaging = Annotated[PageParams, Depends(sorted_by(TagRepository.sortable))]


@router.get(
    "",
    response_model=Page[TagRead],
    summary="The account's tags and how many live contacts the caller sees carry each",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_tags(caller: TagsRead, paging: TagPaging) -> Page[CountedTag]:
    return await service.list_tags(caller, paging)


@router.post(
    "",
    status_code=201,
    response_model=TagRead,
    summary="Create a tag",
    description="Tags given to a contact are also created on first use.",
    responses=error_responses(*SIGNED_IN, InvalidInput, TagNameTaken),
)
async def create_tag(body: TagCreate, caller: TagsWrite) -> CountedTag:
    return await service.create_tag(caller, body.name)


@router.patch(
    "/{tag_id}",
    response_model=TagRead,
    summary="Rename a tag on every contact that carries it",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, TagNameTaken),
)
async def rename_tag(tag_id: str, body: TagUpdate, caller: TagsWrite) -> CountedTag:
    return await service.rename_tag(caller, tag_id, body.name)


@router.delete(
    "/{tag_id}",
    status_code=204,
    summary="Delete a tag and take it off every contact",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_tag(tag_id: str, caller: TagsWrite) -> Response:
    await service.delete_tag(caller, tag_id)
    return Response(status_code=204)
