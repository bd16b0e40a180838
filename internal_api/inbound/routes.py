"""/v1/inbound: every lead of the account, whatever its source (forms, live chat, Facebook
lead ads, CallRail calls, inbound SMS, imports), its counts by day, and each contact's first
and last touch."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.inbound import service
from internal_api.inbound.auth import LeadsRead
from internal_api.inbound.schemas import (
    CountFilters,
    LeadCounts,
    LeadFilters,
    LeadRead,
    TouchesRead,
)
from shared.domain.leads.repository import LeadRepository
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/inbound", tags=["inbound"])

LeadPaging = Annotated[PageParams, Depends(sorted_by(LeadRepository.sortable))]


@router.get(
    "/leads",
    response_model=Page[LeadRead],
    summary="The account's leads, newest first, filtered",
    description="Each with its contact's name, its source and what in it the lead came "
    "through, its attribution, and whether it made the contact. `from` is included, `to` "
    "left out. A member limited to their own records sees the leads of their contacts.",
    responses=error_responses(*SIGNED_IN),
)
async def list_leads(
    caller: LeadsRead, paging: LeadPaging, filters: Annotated[LeadFilters, Query()]
) -> Page[LeadRead]:
    return await service.list_leads(caller, paging, filters)


@router.get(
    "/leads/counts",
    response_model=LeadCounts,
    summary="How many leads each source had each UTC day",
    description="Over `from` (included) to `to` (left out): the 30 days up to now unless "
    "sent, at most 366 days. Days without a lead are left out.",
    responses=error_responses(*SIGNED_IN),
)
async def count_leads(caller: LeadsRead, filters: Annotated[CountFilters, Query()]) -> LeadCounts:
    return await service.count_leads(caller, filters)


@router.get(
    "/contacts/{contact_id}/touches",
    response_model=TouchesRead,
    summary="A contact's first and last touch, and how many",
    description="Both null for a contact who never reached the account by themselves.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def contact_touches(contact_id: str, caller: LeadsRead) -> TouchesRead:
    return await service.touches(caller, contact_id)
