"""/v1/automations: the account's rules, switching them on and off, and their runs."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.automations import service
from internal_api.automations.schemas import (
    AutomationCreate,
    AutomationRead,
    AutomationUpdate,
    RunRead,
)
from internal_api.dependencies import Settings
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/automations", tags=["automations"])

# Rules act on the whole account, so managing them is an account-level power.
CanManage = Annotated[Principal, Depends(requires("account:write"))]

SIGNED_IN = (Unauthorized, Forbidden)


@router.post(
    "",
    status_code=201,
    summary="Create a rule: a trigger and the actions it runs",
    description="The stage and the users named belong to the account; webhooks use https.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def create_automation(
    body: AutomationCreate, principal: CanManage, settings: Settings
) -> AutomationRead:
    allow_http = settings.automation_webhooks_allow_http
    return AutomationRead.of(await service.create_automation(principal, body, allow_http))


@router.get(
    "",
    summary="The account's rules",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_automations(principal: CanManage, paging: Paging) -> Page[AutomationRead]:
    return mapped(await service.list_automations(principal, paging), AutomationRead.of)


@router.get(
    "/{automation_id}",
    summary="One rule",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_automation(automation_id: str, principal: CanManage) -> AutomationRead:
    return AutomationRead.of(await service.get_automation(principal, automation_id))


@router.patch(
    "/{automation_id}",
    summary="Change a rule",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_automation(
    automation_id: str, body: AutomationUpdate, principal: CanManage, settings: Settings
) -> AutomationRead:
    allow_http = settings.automation_webhooks_allow_http
    automation = await service.update_automation(principal, automation_id, body, allow_http)
    return AutomationRead.of(automation)


@router.post(
    "/{automation_id}/enable",
    summary="Switch a rule on",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def enable_automation(automation_id: str, principal: CanManage) -> AutomationRead:
    return AutomationRead.of(await service.set_enabled(principal, automation_id, True))


@router.post(
    "/{automation_id}/disable",
    summary="Switch a rule off: its trigger no longer fires it",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def disable_automation(automation_id: str, principal: CanManage) -> AutomationRead:
    return AutomationRead.of(await service.set_enabled(principal, automation_id, False))


@router.delete(
    "/{automation_id}",
    status_code=204,
    summary="Delete a rule",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_automation(automation_id: str, principal: CanManage) -> Response:
    await service.delete_automation(principal, automation_id)
    return Response(status_code=204)


@router.get(
    "/{automation_id}/runs",
    summary="The rule's runs, newest first",
    description="Each is stored `pending` when the trigger happens; the queue manager runs it.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_runs(automation_id: str, principal: CanManage, paging: Paging) -> Page[RunRead]:
    return mapped(await service.list_runs(principal, automation_id, paging), RunRead.of)
