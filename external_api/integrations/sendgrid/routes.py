from fastapi import APIRouter, Request, status

from external_api.integrations.framework.auth import (
    IntegrationsAdmin,
    IntegrationsRead,
)
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.webhooks import BadSignature
from external_api.integrations.sendgrid import service
from external_api.integrations.sendgrid.schemas import MailCreate, MailSent, WebhookRead
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    PayloadTooLarge,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/e/sendgrid", tags=["sendgrid"])


@router.post(
    "/mail",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a mail with the account's SendGrid",
    description="Accepted by SendGrid for delivery; its events then arrive on the webhook. "
    "Owners and admins only: it reaches any address (members send with the notification "
    "service, to the account's own users and contacts).",
    responses=error_responses(
        Unauthorized, Forbidden, InvalidInput, UpstreamTimeout, *CONNECTED_CALL_ERRORS
    ),
)
async def send_mail(
    integrations: IntegrationsDep, principal: IntegrationsAdmin, mail: MailCreate
) -> MailSent:
    return await service.send_mail(integrations, principal.account_id, mail)


@router.get(
    "/webhook",
    summary="Where to point the account's SendGrid Event Webhook",
    description="Turn on its signature (Signed Event Webhook) and give its public key when "
    "connecting: unsigned events are refused.",
    responses=error_responses(Unauthorized, Forbidden),
)
async def webhook(integrations: IntegrationsDep, principal: IntegrationsRead) -> WebhookRead:
    return service.webhook(integrations, principal.account_id)


@router.post(
    "/webhooks/events/{account_id}",
    summary="SendGrid's signed event webhook for the account",
    description="Verified with the public key given when connecting; each event (by "
    "`sg_event_id`) is handed on once.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_events(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> dict[str, int]:
    return await service.receive_events(integrations, account_id, request.headers, request.body)
