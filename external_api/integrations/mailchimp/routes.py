"""/v1/e/mailchimp: an audience synced with a CRM tag (set up, listed, run again, removed),
the queue manager's runs, and each account's audience webhooks."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status

from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.hook_tokens import check_hook_token
from external_api.integrations.mailchimp import service
from external_api.integrations.mailchimp.client import NAME
from external_api.integrations.mailchimp.schemas import (
    AudienceSyncCreate,
    AudienceSyncRead,
    ListId,
    SyncRunCreate,
    SyncRunRead,
)
from external_api.integrations.mailchimp.webhooks import MailchimpWebhooks
from shared.models.email_list_sync import EmailListSync
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
HookToken = Annotated[str, Path(max_length=64)]
SYNC = "/audiences/{list_id}/sync"


@router.put(
    SYNC,
    summary="Sync a CRM tag's contacts to a Mailchimp audience",
    description="Makes the audience's webhook (its unsubscribes and cleaned addresses come "
    "back, the API's own changes do not) and queues a whole run; a synced audience changes tag.",
    response_model=AudienceSyncRead,
    responses=error_responses(
        Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS
    ),
)
async def set_up_sync(
    list_id: ListId,
    body: AudienceSyncCreate,
    principal: IntegrationsWrite,
    integrations: IntegrationsDep,
) -> EmailListSync:
    return await service.set_up(integrations, principal.account_id, list_id, body.tag)


@router.get(
    "/audience-syncs",
    summary="The account's synced audiences, with what each last run did",
    response_model=Page[AudienceSyncRead],
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_syncs(principal: IntegrationsRead, params: Paging) -> Page[EmailListSync]:
    return await service.list_syncs(principal.account_id, params)


@router.post(
    f"{SYNC}/run",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Queue a whole run of an audience's sync",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def run_again(list_id: ListId, principal: IntegrationsWrite) -> dict[str, bool]:
    await service.run_again(principal.account_id, list_id)
    return {"queued": True}


@router.delete(
    SYNC,
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Stop syncing an audience (its webhook removed; its members stay in Mailchimp)",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def remove_sync(
    list_id: ListId, principal: IntegrationsWrite, integrations: IntegrationsDep
) -> None:
    await service.remove(integrations, principal.account_id, list_id)


@router.post(
    "/audience-syncs/{sync_id}/run",
    summary="Run a sync: one contact's change, or the whole tag (the queue manager only)",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def run_sync(
    sync_id: DocumentId, body: SyncRunCreate, caller: QueueManager, integrations: IntegrationsDep
) -> SyncRunRead:
    return await service.run(integrations, body.account_id, sync_id, body.contact_id)


@router.get(
    "/webhooks/{account_id}/{token}",
    summary="Mailchimp's check of the webhook URL when the webhook is made",
    responses=error_responses(BadSignature),
)
async def check_webhook_url(
    integrations: IntegrationsDep, account_id: DocumentId, token: HookToken
) -> dict[str, bool]:
    key = integrations.settings.mailchimp.webhook_key.get_secret_value()
    check_hook_token(key, NAME, account_id, token)
    return {"ok": True}


@router.post(
    "/webhooks/{account_id}/{token}",
    summary="Mailchimp's audience webhooks: an unsubscribe or cleaned address opts the "
    "account's contacts holding it out of marketing email",
    description="Authenticated by the account's token in the URL (Mailchimp signs nothing); "
    "an event seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_webhook(
    integrations: IntegrationsDep, account_id: DocumentId, token: HookToken, request: Request
) -> dict[str, int]:
    key = integrations.settings.mailchimp.webhook_key.get_secret_value()
    receiver = MailchimpWebhooks(account_id, key, token)
    return await receive(receiver, request.headers, request.body)
