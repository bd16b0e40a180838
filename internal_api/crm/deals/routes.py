"""/v1/crm/deals: deals on pipeline stages, moves between stages, and each deal's history."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.activities.schemas import ActivityRead
from internal_api.crm.deals import service
from internal_api.crm.deals.auth import DealsRead, DealsWrite
from internal_api.crm.deals.errors import LostReasonRequired, UnknownContacts
from internal_api.crm.deals.schemas import DealCreate, DealFilters, DealMove, DealUpdate
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.deals.repository import DealRepository
from shared.domain.deals.schemas import DealRead
from shared.models.crm_log import CrmLog
from shared.models.deal import Deal
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/crm/deals", tags=["deals"])

DealPaging = Annotated[PageParams, Depends(sorted_by(DealRepository.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=DealRead,
    summary="Create a deal on a stage",
    description="The pipeline, stage and contacts belong to the account, the owner and "
    "followers are its users (its members, and in a sub-account the agency's owners and "
    "admins): 404 naming each that is not. A lost deal needs a reason.",
    responses=error_responses(*SIGNED_IN, NotFound, NotAccountUsers, UnknownContacts),
)
async def create_deal(body: DealCreate, caller: DealsWrite) -> Deal:
    return await service.create_deal(caller, body)


@router.get(
    "",
    response_model=Page[DealRead],
    summary="The deals the caller may see, filtered",
    responses=error_responses(*SIGNED_IN),
)
async def list_deals(
    caller: DealsRead, paging: DealPaging, filters: Annotated[DealFilters, Query()]
) -> Page[Deal]:
    return await service.list_deals(caller, paging, filters)


@router.get(
    "/{deal_id}",
    response_model=DealRead,
    summary="One deal",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_deal(deal_id: str, caller: DealsRead) -> Deal:
    return await service.get_deal(caller, deal_id)


@router.patch(
    "/{deal_id}",
    response_model=DealRead,
    summary="Change a deal",
    description="Only the fields sent change; winning or losing sets `closed_at`, reopening "
    "clears it. The stage and position change with a move.",
    responses=error_responses(
        *SIGNED_IN, NotFound, NotAccountUsers, UnknownContacts, LostReasonRequired
    ),
)
async def update_deal(deal_id: str, body: DealUpdate, caller: DealsWrite) -> Deal:
    return await service.update_deal(caller, deal_id, body)


@router.post(
    "/{deal_id}/move",
    response_model=DealRead,
    summary="Move a deal to a position on a stage of any of the account's pipelines",
    description="The other deals of both stages close up and make room, so positions stay "
    "0, 1, 2, ... A position past the end puts the deal last.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def move_deal(deal_id: str, body: DealMove, caller: DealsWrite) -> Deal:
    return await service.move_deal(caller, deal_id, body)


@router.delete(
    "/{deal_id}",
    status_code=204,
    summary="Delete a deal and its notes",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_deal(deal_id: str, caller: DealsWrite) -> Response:
    await service.delete_deal(caller, deal_id)
    return Response(status_code=204)


@router.get(
    "/{deal_id}/activities",
    response_model=Page[ActivityRead],
    summary="The deal's history, newest first",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_deal_activities(deal_id: str, caller: DealsRead, paging: Paging) -> Page[CrmLog]:
    return await service.history(caller, deal_id, paging)
