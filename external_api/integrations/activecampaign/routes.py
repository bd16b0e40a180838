"""/v1/e/activecampaign: each account's webhook calls (the webhook is made when its sync is
set up)."""

from fastapi import APIRouter, Path, Request

from external_api.integrations.activecampaign.webhooks import NAME, ActiveCampaignWebhooks
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from shared.utilities.errors import InvalidInput, PayloadTooLarge, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


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
