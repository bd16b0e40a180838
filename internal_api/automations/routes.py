"""/v1/automations: the account's rules, switching them on and off, and their runs."""

from fastapi import APIRouter, Response

from internal_api.automations import service
from internal_api.automations.auth import AutomationsAdmin
from internal_api.automations.schemas import (
    AutomationCreate,
    AutomationRead,
    AutomationUpdate,
    RunRead,
)
from internal_api.dependencies import Settings
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.projects.errors import ProjectArchived
from shared.domain.reviews.errors import NoReviewPage
from shared.models.automation import Automation
from shared.models.automation_log import AutomationLog
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/automations", tags=["automations"])


@router.post(
    "",
    status_code=201,
    summary="Create a rule: a trigger and the actions it runs",
    description="The stage, the form and the users named belong to the account; webhooks use "
    "https.",
    responses=error_responses(
        *SIGNED_IN, NotFound, NotAccountUsers, InvalidInput, ProjectArchived, NoReviewPage
    ),
    response_model=AutomationRead,
)
async def create_automation(
    body: AutomationCreate, principal: AutomationsAdmin, settings: Settings
) -> Automation:
    allow_http = settings.automation_webhooks_allow_http
    return await service.create_automation(principal, body, allow_http)


@router.get(
    "",
    summary="The account's rules",
    responses=error_responses(*SIGNED_IN, InvalidInput),
    response_model=Page[AutomationRead],
)
async def list_automations(principal: AutomationsAdmin, paging: Paging) -> Page[Automation]:
    return await service.list_automations(principal, paging)


@router.get(
    "/{automation_id}",
    summary="One rule",
    responses=error_responses(*SIGNED_IN, NotFound),
    response_model=AutomationRead,
)
async def read_automation(automation_id: str, principal: AutomationsAdmin) -> Automation:
    return await service.get_automation(principal, automation_id)


@router.patch(
    "/{automation_id}",
    summary="Change a rule",
    responses=error_responses(
        *SIGNED_IN, NotFound, NotAccountUsers, InvalidInput, ProjectArchived, NoReviewPage
    ),
    response_model=AutomationRead,
)
async def update_automation(
    automation_id: str, body: AutomationUpdate, principal: AutomationsAdmin, settings: Settings
) -> Automation:
    allow_http = settings.automation_webhooks_allow_http
    return await service.update_automation(principal, automation_id, body, allow_http)


@router.post(
    "/{automation_id}/enable",
    summary="Switch a rule on",
    responses=error_responses(*SIGNED_IN, NotFound),
    response_model=AutomationRead,
)
async def enable_automation(automation_id: str, principal: AutomationsAdmin) -> Automation:
    return await service.set_enabled(principal, automation_id, True)


@router.post(
    "/{automation_id}/disable",
    summary="Switch a rule off: its trigger no longer fires it",
    responses=error_responses(*SIGNED_IN, NotFound),
    response_model=AutomationRead,
)
async def disable_automation(automation_id: str, principal: AutomationsAdmin) -> Automation:
    return await service.set_enabled(principal, automation_id, False)


@router.delete(
    "/{automation_id}",
    status_code=204,
    summary="Delete a rule",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_automation(automation_id: str, principal: AutomationsAdmin) -> Response:
    await service.delete_automation(principal, automation_id)
    return Response(status_code=204)


@router.get(
    "/{automation_id}/runs",
    summary="The rule's runs, newest first",
    description="Each is stored `pending` when the trigger happens; the queue manager runs it.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
    response_model=Page[RunRead],
)
async def list_runs(
    automation_id: str, principal: AutomationsAdmin, paging: Paging
) -> Page[AutomationLog]:
    return await service.list_runs(principal, automation_id, paging)
