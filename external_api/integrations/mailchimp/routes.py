"""/v1/e/mailchimp: an audience synced with a CRM tag (set up, listed, run again, removed),
the queue manager's runs, and each account's audience webhooks."""

from typing import Annotated

from fastapi import APIRouter, Path, Request

from external_api.integrations.email_lists.routes import add_list_sync_routes
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.hook_tokens import check_hook_token
from external_api.integrations.mailchimp.client import NAME
from external_api.integrations.mailchimp.lists import LISTS
from external_api.integrations.mailchimp.webhooks import MailchimpWebhooks
from shared.utilities.errors import InvalidInput, PayloadTooLarge, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])
HookToken = Annotated[str, Path(max_length=64)]
add_list_sync_routes(
    router,
    LISTS,
    "/audiences",
    "a Mailchimp audience",
    "Makes the audience's webhook (its unsubscribes and cleaned addresses come back, the "
    "API's own changes do not).",
)


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
