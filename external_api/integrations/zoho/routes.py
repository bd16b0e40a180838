"""/v1/e/zoho: each account's notification channel (subscribe) and its notifications."""

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel

from external_api.integrations.framework.auth import IntegrationsAdmin
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.zoho import service
from external_api.integrations.zoho.webhooks import NAME, ZohoWebhooks
from shared.utilities.errors import SIGNED_IN, InvalidInput, PayloadTooLarge, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


class WatchRead(BaseModel):
    channel_id: str
    expires_at: datetime


@router.post(
    "/watch",
    summary="Subscribe the account's Zoho CRM contacts to notifications (or renew them)",
    description="Zoho then calls back on each contact inserted, updated or deleted; the "
    "channel lasts 24 hours and the poll cron pulls what it misses.",
    responses=error_responses(*SIGNED_IN, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def watch_contacts(integrations: IntegrationsDep, principal: IntegrationsAdmin) -> WatchRead:
    return WatchRead(**await service.watch_contacts(integrations, principal.account_id))


@router.post(
    "/webhooks/{account_id}",
    summary="Zoho CRM's contact notifications: each changed contact synced into the account",
    description="Authenticated by the channel's `token`, which Zoho echoes; a notification "
    "seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_notifications(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> dict[str, int]:
    key = integrations.settings.zoho.webhook_key.get_secret_value()
    return await receive(ZohoWebhooks(account_id, key), request.headers, request.body)
