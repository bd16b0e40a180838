"""Public endpoints the providers call: nothing changes unless the signature is genuine.

A missing signature answers 401, a wrong one 403. SendGrid signs `timestamp + body` with
ECDSA P-256 (`X-Twilio-Email-Event-Webhook-Signature` / `-Timestamp`), checked with the
account's verification key; Twilio signs the URL it called and the sorted form parameters
with HMAC-SHA1 under the auth token (`X-Twilio-Signature`), so the URL is rebuilt from
NOTIFICATIONS_PUBLIC_URL, the address Twilio was given.
"""

import json

from fastapi import APIRouter, Request, Response

from notifications.dependencies import Settings
from notifications.settings import NotificationsSettings
from notifications.webhooks import service
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.settings import env_name
from shared.utilities.signatures import load_ecdsa_public_key, verify_ecdsa_sha256, verify_twilio

router = APIRouter(prefix="/v1/notifications/webhooks", tags=["provider webhooks"])

SENDGRID_SIGNATURE = "x-twilio-email-event-webhook-signature"
SENDGRID_TIMESTAMP = "x-twilio-email-event-webhook-timestamp"
TWILIO_SIGNATURE = "x-twilio-signature"


@router.post(
    "/sendgrid",
    status_code=204,
    summary="SendGrid's Event Webhook: delivered, open, click, bounce, dropped, ...",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def sendgrid_events(request: Request, settings: Settings) -> Response:
    signature = request.headers.get(SENDGRID_SIGNATURE)
    timestamp = request.headers.get(SENDGRID_TIMESTAMP)
    if not signature or not timestamp:
        raise Unauthorized("The SendGrid signature headers are missing.")
    body = await request.body()
    if not settings.sendgrid_webhook_public_key:
        raise Forbidden(not_configured(settings, "sendgrid_webhook_public_key"))
    public_key = load_ecdsa_public_key(settings.sendgrid_webhook_public_key)
    if not verify_ecdsa_sha256(public_key, timestamp, body, signature):
        raise Forbidden("The SendGrid signature does not match.")
    try:
        events = json.loads(body)
    except ValueError:
        raise InvalidInput("The body is not JSON.") from None
    if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
        raise InvalidInput("The body is not a list of events.")
    await service.apply_sendgrid_events(events)
    return Response(status_code=204)


@router.post(
    "/twilio",
    status_code=204,
    summary="Twilio's status callback for an SMS: sent, delivered, undelivered, failed",
    responses=error_responses(Unauthorized, Forbidden),
)
async def twilio_status(request: Request, settings: Settings) -> Response:
    signature = request.headers.get(TWILIO_SIGNATURE)
    if not signature:
        raise Unauthorized("The X-Twilio-Signature header is missing.")
    auth_token = settings.twilio_auth_token.get_secret_value()
    if not auth_token:
        raise Forbidden(not_configured(settings, "twilio_auth_token"))
    form = await request.form()
    params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    if not verify_twilio(auth_token, called_url(settings, request), params, signature):
        raise Forbidden("The Twilio signature does not match.")
    await service.apply_twilio_status(dict(params))
    return Response(status_code=204)


def called_url(settings: NotificationsSettings, request: Request) -> str:
    """The URL as Twilio called it: the public address, not ours behind the proxies."""
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{settings.public_url.rstrip('/')}{request.url.path}{query}"


def not_configured(settings: NotificationsSettings, field: str) -> str:
    return f"Webhooks are not accepted: {env_name(type(settings), field)} is not set."
