"""/v1/e/crm-sync/{provider}: an account's two-way sync with a CRM it connected. Its users
read and change the sync's settings, start the initial import and read the sync log; the
queue manager (service token) asks for a pull, a contact's push, or a webhook's changes."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from external_api.integrations.crm_sync import service
from external_api.integrations.crm_sync.schemas import (
    CrmSyncLogRead,
    CrmSyncRead,
    CrmSyncSetup,
    RecordChanges,
    SyncDone,
)
from external_api.integrations.framework.auth import IntegrationsAdmin, IntegrationsRead
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from shared.domain.crm_sync.errors import ImportRunning, SyncNotSetUp
from shared.models.crm_sync_connection import CrmSyncConnection
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    SIGNED_IN,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/crm-sync", tags=["crm-sync"])
Provider = Annotated[str, Path(pattern=r"^[a-z][a-z0-9-]{1,40}$", description="hubspot, ...")]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
SERVICE_ERRORS = (Unauthorized, Forbidden, NotFound, SyncNotSetUp, *CONNECTED_CALL_ERRORS)


def read(connection: CrmSyncConnection) -> CrmSyncRead:
    return CrmSyncRead.model_validate(connection)


@router.get(
    "/{provider}",
    summary="The account's sync with the CRM: its mapping, policies and import progress",
    responses=error_responses(*SIGNED_IN, NotFound, SyncNotSetUp),
)
async def read_sync(principal: IntegrationsRead, provider: Provider) -> CrmSyncRead:
    return read(await service.read_setup(principal.account_id, provider))


@router.put(
    "/{provider}",
    summary="Set the sync up, or change it: field mapping, conflict and deletion policies",
    description="The CRM must be connected first (409 `not_connected`); a mapping naming a "
    "field the account does not have is refused (422) and nothing changes.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def set_up_sync(
    integrations: IntegrationsDep,
    principal: IntegrationsAdmin,
    provider: Provider,
    setup: CrmSyncSetup,
) -> CrmSyncRead:
    return read(await service.set_up(integrations, principal.account_id, provider, setup))


@router.post(
    "/{provider}/import",
    status_code=202,
    summary="Start the initial import in the background; progress on `crm-sync:progress`",
    responses=error_responses(*SIGNED_IN, NotFound, SyncNotSetUp, ImportRunning),
)
async def start_import(principal: IntegrationsAdmin, provider: Provider) -> CrmSyncRead:
    return read(await service.start_import(principal.account_id, provider))


@router.get(
    "/{provider}/log",
    response_model=Page[CrmSyncLogRead],
    summary="The sync log: each record's outcome, newest first",
    responses=error_responses(*SIGNED_IN, NotFound, SyncNotSetUp),
)
async def read_log(principal: IntegrationsRead, provider: Provider, paging: Paging) -> Page:
    return await service.sync_log(principal.account_id, provider, paging)


@router.post(
    "/{provider}/accounts/{account_id}/pull",
    summary="Pull the CRM's changes since the cursor (the queue manager only)",
    responses=error_responses(*SERVICE_ERRORS),
)
async def pull(
    integrations: IntegrationsDep,
    caller: QueueManager,
    provider: Provider,
    account_id: DocumentId,
    request: Request,
) -> dict[str, int]:
    senders = request.app.state.senders
    return {"applied": await service.run_pull(integrations, senders, account_id, provider)}


@router.post(
    "/{provider}/accounts/{account_id}/contacts/{contact_id}/push",
    summary="Push one contact's change to the CRM (the queue manager only)",
    responses=error_responses(*SERVICE_ERRORS),
)
async def push(
    integrations: IntegrationsDep,
    caller: QueueManager,
    provider: Provider,
    account_id: DocumentId,
    contact_id: DocumentId,
) -> SyncDone:
    outcome = await service.run_push(integrations, account_id, provider, contact_id)
    return SyncDone(outcomes=[outcome])


@router.post(
    "/{provider}/accounts/{account_id}/changes",
    summary="Apply the records a verified CRM webhook announced (the queue manager only)",
    responses=error_responses(*SERVICE_ERRORS, InvalidInput),
)
async def changes(
    integrations: IntegrationsDep,
    caller: QueueManager,
    provider: Provider,
    account_id: DocumentId,
    body: RecordChanges,
) -> SyncDone:
    outcomes = await service.run_changes(integrations, account_id, provider, body)
    return SyncDone(outcomes=outcomes)
