"""/v1/e/activecampaign: each account's webhook (subscribe) and its calls."""

from fastapi import APIRouter, Path, Request

from external_api.integrations.activecampaign import service
from external_api.integrations.activecampaign.webhooks import NAME, ActiveCampaignWebhooks
from external_api.integrations.framework.auth import IntegrationsAdmin
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.framework.webhooks import BadSignature, receive
from shared.utilities.errors import SIGNED_IN, InvalidInput, PayloadTooLarge, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


@router.post(
    "/hooks",
    summary="Subscribe the account's ActiveCampaign contacts to its webhook",
    responses=error_responses(*SIGNED_IN, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def subscribe_webhook(
    integrations: IntegrationsDep, principal: IntegrationsAdmin
) -> dict[str, str]:
    return {"webhook_id": await service.subscribe_webhook(integrations, principal.account_id)}


@router.post(
    "/webhooks/{account_id}/{token}",
    summary="ActiveCampaign's contact webhooks: each changed contact synced into the account",
    description="Authenticated by the account's token in the URL (ActiveCampaign signs "
    "nothing); an event seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_webhook(
    integrations: IntegrationsDep,
    account_id: DocumentId,
    request: Request,
    token: str = Path(max_length=64),
) -> dict[str, int]:
    key = integrations.settings.activecampaign.webhook_key.get_secret_value()
    receiver = ActiveCampaignWebhooks(account_id, key, token)
    return await receive(receiver, request.headers, request.body)
