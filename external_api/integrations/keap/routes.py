"""/v1/e/keap: each account's REST hooks (made when its sync is set up): their handshake and
their events."""

from fastapi import APIRouter, Path, Request, Response

from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.keap.webhooks import (
    HOOK_SECRET,
    NAME,
    KeapWebhooks,
    handshake_secret,
)
from shared.utilities.errors import InvalidInput, PayloadTooLarge, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


@router.post(
    "/webhooks/{account_id}/{token}",
    summary="Keap's REST hook calls: the `X-Hook-Secret` handshake echoed, or each changed "
    "contact synced into the account",
    description="Authenticated by the account's token in the URL (Keap signs no body); an "
    "event seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_hook(
    integrations: IntegrationsDep,
    account_id: DocumentId,
    request: Request,
    response: Response,
    token: str = Path(max_length=64),
) -> dict[str, int]:
    key = integrations.settings.keap.webhook_key.get_secret_value()
    receiver = KeapWebhooks(account_id, key, token)
    secret = handshake_secret(receiver, request.headers)
    if secret is not None:
        response.headers[HOOK_SECRET] = secret
        return {"received": 0, "accepted": 0}
    return await receive(receiver, request.headers, request.body)
