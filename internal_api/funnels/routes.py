"""/v1/funnels: funnels and hosted sites, their steps, their pages' drafts, publishing and
versions, conversion counts, and clones into the agency's accounts."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.funnels import pages, service
from internal_api.funnels.auth import FunnelsRead, FunnelsWrite
from internal_api.funnels.errors import (
    CloneNotFound,
    LastStep,
    SlugTaken,
    StepNotFound,
    StepsNotMatching,
    TargetAccountNotFound,
)
from internal_api.funnels.repository import FunnelRepository, VersionRepository
from internal_api.funnels.schemas import (
    CloneCreate,
    CloneRead,
    FunnelCounts,
    FunnelCreate,
    FunnelRead,
    FunnelUpdate,
    PageRead,
    PageUpdate,
    Rollback,
    StepCreate,
    StepOrder,
    VersionRead,
)
from internal_api.funnels.serving import Renders
from shared.domain.funnels.errors import FunnelNotFound, PublishedMeanwhile, VersionNotFound
from shared.models.funnel import Funnel, FunnelKind
from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.errors import SIGNED_IN, Forbidden, InvalidInput, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/funnels", tags=["funnels"])

FunnelPaging = Annotated[PageParams, Depends(sorted_by(FunnelRepository.sortable))]
VersionPaging = Annotated[
    PageParams, Depends(sorted_by(VersionRepository.sortable, default="-number"))
]
PAGE_ERRORS = (*SIGNED_IN, FunnelNotFound, StepNotFound)


@router.post(
    "",
    status_code=201,
    response_model=FunnelRead,
    summary="Make a funnel or a hosted site",
    description="Its steps in order, each with an empty page (a site: one `home` page when "
    "none is given). Slugs are made from the names unless given; 409 `slug_taken` for two "
    "alike.",
    responses=error_responses(*SIGNED_IN, InvalidInput, SlugTaken),
)
async def create_funnel(body: FunnelCreate, principal: FunnelsWrite) -> Funnel:
    return await service.create_funnel(principal, body)


@router.get(
    "",
    response_model=Page[FunnelRead],
    summary="The account's funnels and sites",
    description="Copies still being made by a clone are left out.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_funnels(
    principal: FunnelsRead, paging: FunnelPaging, kind: Annotated[FunnelKind | None, Query()] = None
) -> Page[Funnel]:
    return await service.list_funnels(principal, paging, kind)


@router.get(
    "/clones/{clone_id}",
    response_model=CloneRead,
    summary="A clone's progress",
    description="Also pushed to its creator as `funnel_clone:progress` on the general socket.",
    responses=error_responses(*SIGNED_IN, CloneNotFound),
)
async def read_clone(clone_id: str, principal: FunnelsRead) -> FunnelClone:
    return await service.get_clone(principal, clone_id)


@router.get(
    "/{funnel_id}",
    response_model=FunnelRead,
    summary="One funnel or site",
    responses=error_responses(*SIGNED_IN, FunnelNotFound),
)
async def read_funnel(funnel_id: str, principal: FunnelsRead) -> Funnel:
    return await service.get_funnel(principal, funnel_id)


@router.patch(
    "/{funnel_id}",
    response_model=FunnelRead,
    summary="Rename a funnel",
    responses=error_responses(*SIGNED_IN, FunnelNotFound, InvalidInput),
)
async def update_funnel(funnel_id: str, body: FunnelUpdate, principal: FunnelsWrite) -> Funnel:
    return await service.update_funnel(principal, funnel_id, body)


@router.delete(
    "/{funnel_id}",
    status_code=204,
    summary="Delete a funnel, its pages and their versions",
    responses=error_responses(*SIGNED_IN, FunnelNotFound),
)
async def delete_funnel(funnel_id: str, principal: FunnelsWrite) -> Response:
    await service.delete_funnel(principal, funnel_id)
    return Response(status_code=204)


@router.post(
    "/{funnel_id}/steps",
    status_code=201,
    response_model=FunnelRead,
    summary="Add a step (with an empty page)",
    responses=error_responses(*SIGNED_IN, FunnelNotFound, InvalidInput, SlugTaken),
)
async def add_step(funnel_id: str, body: StepCreate, principal: FunnelsWrite) -> Funnel:
    return await service.add_step(principal, funnel_id, body)


@router.put(
    "/{funnel_id}/steps/order",
    response_model=FunnelRead,
    summary="Reorder the steps",
    description="Every step's id once, in the new order (422 `steps_not_matching` otherwise).",
    responses=error_responses(*SIGNED_IN, FunnelNotFound, InvalidInput, StepsNotMatching),
)
async def reorder_steps(funnel_id: str, body: StepOrder, principal: FunnelsWrite) -> Funnel:
    return await service.reorder_steps(principal, funnel_id, body.step_ids)


@router.delete(
    "/{funnel_id}/steps/{step_id}",
    response_model=FunnelRead,
    summary="Remove a step and its page",
    responses=error_responses(*SIGNED_IN, FunnelNotFound, StepNotFound, LastStep),
)
async def remove_step(funnel_id: str, step_id: str, principal: FunnelsWrite) -> Funnel:
    return await service.remove_step(principal, funnel_id, step_id)


@router.get(
    "/{funnel_id}/counts",
    response_model=FunnelCounts,
    summary="Each step's views, submissions and purchases",
    responses=error_responses(*SIGNED_IN, FunnelNotFound),
)
async def read_counts(funnel_id: str, principal: FunnelsRead) -> FunnelCounts:
    return await pages.counts(principal, funnel_id)


@router.get(
    "/{funnel_id}/pages/{page_id}",
    response_model=PageRead,
    summary="A step's page: its draft and which version is published",
    responses=error_responses(*PAGE_ERRORS),
)
async def read_page(funnel_id: str, page_id: str, principal: FunnelsRead) -> FunnelPage:
    _, page = await pages.get_page(principal, funnel_id, page_id)
    return page


@router.patch(
    "/{funnel_id}/pages/{page_id}",
    response_model=PageRead,
    summary="Change a page's draft",
    description="The blocks are validated as a whole (422 names each bad block by its path); "
    "HTML blocks are sanitised as they are stored. The published version does not change.",
    responses=error_responses(*PAGE_ERRORS, InvalidInput),
)
async def update_page(
    funnel_id: str, page_id: str, body: PageUpdate, principal: FunnelsWrite
) -> FunnelPage:
    return await pages.update_draft(principal, funnel_id, page_id, body)


@router.post(
    "/{funnel_id}/pages/{page_id}/publish",
    status_code=201,
    response_model=VersionRead,
    summary="Publish a page's draft as its next version",
    description="The version never changes; the public sees it at once (the cached render of "
    "the previous one is dropped) and its thumbnail is shot in the background. Of two "
    "publishes at once, one answers 409 `published_meanwhile` and makes nothing.",
    responses=error_responses(*PAGE_ERRORS, PublishedMeanwhile),
)
async def publish_page(
    funnel_id: str, page_id: str, principal: FunnelsWrite, renders: Renders
) -> FunnelPageVersion:
    return await pages.publish(principal, funnel_id, page_id, renders)


@router.get(
    "/{funnel_id}/pages/{page_id}/versions",
    response_model=Page[VersionRead],
    summary="A page's published versions, newest first",
    responses=error_responses(*PAGE_ERRORS, InvalidInput),
)
async def list_versions(
    funnel_id: str, page_id: str, principal: FunnelsRead, paging: VersionPaging
) -> Page[FunnelPageVersion]:
    return await pages.list_versions(principal, funnel_id, page_id, paging)


@router.post(
    "/{funnel_id}/pages/{page_id}/rollback",
    response_model=PageRead,
    summary="Publish an older version again",
    description="No version is made or changed: the page shows version `number` again.",
    responses=error_responses(*PAGE_ERRORS, VersionNotFound, InvalidInput),
)
async def roll_back(
    funnel_id: str, page_id: str, body: Rollback, principal: FunnelsWrite, renders: Renders
) -> FunnelPage:
    return await pages.roll_back(principal, funnel_id, page_id, body.number, renders)


@router.post(
    "/{funnel_id}/clones",
    status_code=202,
    response_model=CloneRead,
    summary="Copy a funnel into this or another account of the agency",
    description="Made in the background (pages, the forms they embed, asset references); "
    "follow it at `/v1/funnels/clones/{id}` or on the socket. Another account needs "
    "`account:write` (403) and must be the agency's (404 `target_account_not_found`). A copy "
    "that fails half-way is removed.",
    responses=error_responses(*SIGNED_IN, FunnelNotFound, Forbidden, TargetAccountNotFound),
)
async def clone_funnel(funnel_id: str, body: CloneCreate, principal: FunnelsWrite) -> FunnelClone:
    return await service.request_clone(principal, funnel_id, body)
