"""/v1/crm/deals: deals on pipeline stages, moves between stages, and each deal's history."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.activities.schemas import ActivityRead
from internal_api.crm.deals import service
from internal_api.crm.deals.schemas import DealCreate, DealFilters, DealMove, DealRead, DealUpdate
from internal_api.crm.deals.service import DEAL_SORTS
from internal_api.crm.visibility import VisibleRepository, visible
from internal_api.repository import mapped
from shared.models.deal import Deal
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging, sorted_paging

router = APIRouter(prefix="/v1/crm/deals", tags=["deals"])

CanRead = Annotated[Principal, Depends(requires("deals:read"))]
CanWrite = Annotated[Principal, Depends(requires("deals:write"))]
# The deals the caller may see: the others answer 404.
Deals = Annotated[VisibleRepository[Deal], Depends(visible(Deal, DEAL_SORTS))]
DealPaging = sorted_paging(DEAL_SORTS)

SIGNED_IN = (Unauthorized, Forbidden)


@router.post(
    "",
    status_code=201,
    response_model=DealRead,
    summary="Create a deal on a stage",
    description="The pipeline, stage, contacts, owner and followers belong to the account "
    "(404 naming the first that does not). A lost deal needs a reason.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def create_deal(body: DealCreate, principal: CanWrite, deals: Deals) -> Deal:
    return await service.create_deal(principal, deals, body)


@router.get(
    "",
    response_model=Page[DealRead],
    summary="The deals the caller may see, filtered",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_deals(
    _: CanRead, deals: Deals, paging: DealPaging, filters: Annotated[DealFilters, Query()]
) -> Page[Deal]:
    return await service.list_deals(deals, paging, filters)


@router.get(
    "/{deal_id}",
    response_model=DealRead,
    summary="One deal",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_deal(deal_id: str, _: CanRead, deals: Deals) -> Deal:
    return await deals.get(deal_id)


@router.patch(
    "/{deal_id}",
    response_model=DealRead,
    summary="Change a deal",
    description="Only the fields sent change; winning or losing sets `closed_at`, reopening "
    "clears it. The stage and position change with a move.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_deal(deal_id: str, body: DealUpdate, principal: CanWrite, deals: Deals) -> Deal:
    return await service.update_deal(principal, deals, deal_id, body)


@router.post(
    "/{deal_id}/move",
    response_model=DealRead,
    summary="Move a deal to a position on a stage of any of the account's pipelines",
    description="The other deals of both stages close up and make room, so positions stay "
    "0, 1, 2, ... A position past the end puts the deal last.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def move_deal(deal_id: str, body: DealMove, principal: CanWrite, deals: Deals) -> Deal:
    return await service.move_deal(principal, deals, deal_id, body)


@router.delete(
    "/{deal_id}",
    status_code=204,
    summary="Delete a deal and its notes",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_deal(deal_id: str, principal: CanWrite, deals: Deals) -> Response:
    await service.delete_deal(principal, deals, deal_id)
    return Response(status_code=204)


@router.get(
    "/{deal_id}/activities",
    summary="The deal's history, newest first",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_deal_activities(
    deal_id: str, _: CanRead, deals: Deals, paging: Paging
) -> Page[ActivityRead]:
    return mapped(await service.history(deals, deal_id, paging), ActivityRead.of)
