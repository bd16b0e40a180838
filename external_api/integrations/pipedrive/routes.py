"""/v1/e/pipedrive: Pipedrive's webhooks for persons, one URL per account."""

from fastapi import APIRouter, Request

from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.pipedrive.webhooks import PipedriveWebhooks
from shared.utilities.errors import InvalidInput, PayloadTooLarge, error_responses

NAME = "pipedrive"
router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


@router.post(
    "/webhooks/persons/{account_id}",
    summary="Pipedrive's person events: each changed person synced into the account",
    description="Pipedrive signs in with the webhook's HTTP basic auth "
    "(EXTERNAL_API_PIPEDRIVE_WEBHOOK_USER / _PASSWORD); an event seen before is acknowledged "
    "again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_person_events(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> dict[str, int]:
    pipedrive = integrations.settings.pipedrive
    password = pipedrive.webhook_password.get_secret_value()
    receiver = PipedriveWebhooks(account_id, pipedrive.webhook_user, password)
    return await receive(receiver, request.headers, request.body)
