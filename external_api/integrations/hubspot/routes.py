"""/v1/e/hubspot: HubSpot's app webhooks (the app's one target URL, for every portal)."""

from fastapi import APIRouter, Request

from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.hubspot.webhooks import HubspotWebhooks
from shared.utilities.errors import InvalidInput, PayloadTooLarge, error_responses

NAME = "hubspot"
WEBHOOK_PATH = "/webhooks/contacts"
router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


@router.post(
    WEBHOOK_PATH,
    summary="HubSpot's contact events: each changed contact synced into the accounts "
    "connected to its portal",
    description="Signed by HubSpot (`X-HubSpot-Signature-v3`, within 5 minutes); an event "
    "seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_contact_events(integrations: IntegrationsDep, request: Request) -> dict[str, int]:
    settings = integrations.settings
    uri = f"{settings.public_url.rstrip('/')}{router.prefix}{WEBHOOK_PATH}"
    receiver = HubspotWebhooks(settings.hubspot.client_secret.get_secret_value(), uri)
    return await receive(receiver, request.headers, request.body)
