"""/v1/e/rapidapi/lead-finder: LeadFinder's searches on the platform's RapidAPI key. A search
runs in the background (`lead_finder.search` on QM_LEAD_FINDER, which asks the `run` route
back); its finds arrive on the general socket's `lead-finder` events, page by page."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from external_api.integrations.framework.dependencies import DocumentId
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.rapidapi import service
from external_api.integrations.rapidapi.auth import (
    LeadFinderRead,
    LeadFinderSave,
    LeadFinderSearch,
    QueueManager,
)
from external_api.integrations.rapidapi.client import BusinessSearch
from external_api.integrations.rapidapi.errors import LeadFinderNotConfigured, SearchNotDone
from external_api.integrations.rapidapi.schemas import (
    LeadSave,
    LeadSaveOutcome,
    LeadSearchCreate,
    LeadSearchRead,
)
from external_api.settings import ExternalApiSettings
from shared.models.lead_search import LeadSearch
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/rapidapi/lead-finder", tags=["rapidapi"])


def get_search(request: Request) -> BusinessSearch | None:
    return request.app.state.rapidapi


def get_settings(request: Request) -> ExternalApiSettings:
    return request.app.state.settings


Search = Annotated[BusinessSearch | None, Depends(get_search)]
Settings = Annotated[ExternalApiSettings, Depends(get_settings)]


@router.post(
    "/searches",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=LeadSearchRead,
    summary="Search businesses by category and area, in the background",
    description="Answers the queued search; its finds come on the general socket's "
    "`lead-finder` events (`{search_id, status, found, businesses, error}`), page by page.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, LeadFinderNotConfigured),
)
async def start_search(
    principal: LeadFinderSearch, search: Search, settings: Settings, asked: LeadSearchCreate
) -> LeadSearch:
    return await service.start_search(
        search, settings.rapidapi, principal.account_id, principal.sub, asked
    )


@router.get(
    "/searches",
    response_model=Page[LeadSearchRead],
    summary="The account's searches, newest first",
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_searches(principal: LeadFinderRead, paging: Paging) -> Page:
    return await service.list_searches(principal.account_id, paging)


@router.get(
    "/searches/{search_id}",
    response_model=LeadSearchRead,
    summary="A search and what it found so far",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_search(principal: LeadFinderRead, search_id: DocumentId) -> LeadSearch:
    return await service.read_search(principal.account_id, search_id)


@router.post(
    "/searches/{search_id}/save",
    summary="Save finds of a finished search as the account's contacts",
    description="A find without a phone number is skipped (a contact needs one way to be "
    "reached); one the account has at that number is completed, not doubled.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput, SearchNotDone),
)
async def save_found(
    principal: LeadFinderSave, settings: Settings, search_id: DocumentId, chosen: LeadSave
) -> LeadSaveOutcome:
    saved = await service.save_found(settings, principal.account_id, search_id, chosen)
    return LeadSaveOutcome(data=saved)


@router.post(
    "/accounts/{account_id}/searches/{search_id}/run",
    response_model=LeadSearchRead,
    summary="Run a queued search (the queue manager only)",
    responses=error_responses(
        Unauthorized, Forbidden, NotFound, LeadFinderNotConfigured, RateLimited, ProviderFailed
    ),
)
async def run_search(
    caller: QueueManager,
    search: Search,
    settings: Settings,
    account_id: DocumentId,
    search_id: DocumentId,
    request: Request,
) -> LeadSearch:
    senders = request.app.state.senders
    return await service.run_search(search, settings.rapidapi, senders, account_id, search_id)
