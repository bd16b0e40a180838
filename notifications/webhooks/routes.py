"""Public endpoints the providers call: nothing changes unless the signature is genuine.

A missing signature answers 401; a malformed, wrong or stale one 403. The headers are checked
before the body is read (`signatures`). Twilio's URL is rebuilt from NOTIFICATIONS_PUBLIC_URL,
the address Twilio was given.
"""

from fastapi import APIRouter, Request, Response

from notifications.dependencies import Settings
from notifications.settings import NotificationsSettings
from notifications.webhooks import service, signatures
from notifications.webhooks.errors import (
    InvalidEvents,
    SignatureExpired,
    SignatureInvalid,
    SignatureMissing,
    WebhooksNotConfigured,
)
from shared.utilities.errors import error_responses

router = APIRouter(prefix="/v1/notifications/webhooks", tags=["provider webhooks"])

SIGNATURE_ERRORS = (SignatureMissing, WebhooksNotConfigured, SignatureInvalid, SignatureExpired)


@router.post(
    "/sendgrid",
    status_code=204,
    summary="SendGrid's Event Webhook: delivered, open, click, bounce, dropped, ...",
    responses=error_responses(*SIGNATURE_ERRORS, InvalidEvents),
)
async def sendgrid_events(request: Request, settings: Settings) -> Response:
    signed = signatures.sendgrid_signature(settings, request.headers)
    body = await request.body()
    signatures.verify_sendgrid(settings, signed, body)
    await service.apply_sendgrid_events(service.sendgrid_events(body))
    return Response(status_code=204)


@router.post(
    "/twilio",
    status_code=204,
    summary="Twilio's status callback for an SMS: sent, delivered, undelivered, failed",
    responses=error_responses(*SIGNATURE_ERRORS),
)
async def twilio_status(request: Request, settings: Settings) -> Response:
    signature = signatures.twilio_signature(settings, request.headers)
    form = await request.form()
    params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    signatures.verify_twilio_form(settings, signature, called_url(settings, request), params)
    await service.apply_twilio_status(dict(params))
    return Response(status_code=204)


def called_url(settings: NotificationsSettings, request: Request) -> str:
    """The URL as Twilio called it: the public address, not ours behind the proxies."""
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{settings.public_url.rstrip('/')}{request.url.path}{query}"
