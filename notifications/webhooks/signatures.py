"""The providers' signatures, checked in two steps: the headers first (present, well formed, a
timestamp within the window), before the body is read, so a forged request costs no body; then
the signature over the body.

SendGrid signs `timestamp + body` with ECDSA P-256 (`X-Twilio-Email-Event-Webhook-Signature`,
base64 DER, and `-Timestamp`, Unix seconds), checked with the verification key; a timestamp
further than NOTIFICATIONS_SENDGRID_WEBHOOK_TOLERANCE_SECONDS from now is a replay. Twilio signs
the URL it called and the sorted form parameters with HMAC-SHA1 under the auth token
(`X-Twilio-Signature`, base64 of 20 bytes); it signs no time. A header of any other shape (a
non-ASCII one included) is refused before any comparison.
"""

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass

from notifications.settings import NotificationsSettings
from notifications.webhooks.errors import (
    SignatureExpired,
    SignatureInvalid,
    SignatureMissing,
    WebhooksNotConfigured,
)
from shared.utilities.settings import env_name
from shared.utilities.signatures import load_ecdsa_public_key, verify_ecdsa_sha256, verify_twilio

SENDGRID_SIGNATURE = "x-twilio-email-event-webhook-signature"
SENDGRID_TIMESTAMP = "x-twilio-email-event-webhook-timestamp"
TWILIO_SIGNATURE = "x-twilio-signature"
# A DER ECDSA P-256 signature is 70 to 72 bytes: 96 base64 characters.
SENDGRID_SIGNATURE_SHAPE = re.compile(r"[A-Za-z0-9+/]{86,100}={0,2}")
UNIX_SECONDS = re.compile(r"[0-9]{1,12}")
TWILIO_SIGNATURE_SHAPE = re.compile(r"[A-Za-z0-9+/]{27}=")


@dataclass(frozen=True)
class SendGridSignature:
    signature: str
    timestamp: str


def sendgrid_signature(
    settings: NotificationsSettings, headers: Mapping[str, str], now: float | None = None
) -> SendGridSignature:
    signature, timestamp = headers.get(SENDGRID_SIGNATURE), headers.get(SENDGRID_TIMESTAMP)
    if not signature or not timestamp:
        raise SignatureMissing("The SendGrid signature headers are missing.")
    if not settings.sendgrid_webhook_public_key:
        raise WebhooksNotConfigured(not_configured(settings, "sendgrid_webhook_public_key"))
    if not (SENDGRID_SIGNATURE_SHAPE.fullmatch(signature) and UNIX_SECONDS.fullmatch(timestamp)):
        raise SignatureInvalid("The SendGrid signature headers are malformed.")
    tolerance = settings.sendgrid_webhook_tolerance_seconds
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        raise SignatureExpired(f"The SendGrid signature is more than {tolerance} s away from now.")
    return SendGridSignature(signature, timestamp)


def verify_sendgrid(
    settings: NotificationsSettings, signed: SendGridSignature, body: bytes
) -> None:
    public_key = load_ecdsa_public_key(settings.sendgrid_webhook_public_key)
    if not verify_ecdsa_sha256(public_key, signed.timestamp, body, signed.signature):
        raise SignatureInvalid("The SendGrid signature does not match.")


def twilio_signature(settings: NotificationsSettings, headers: Mapping[str, str]) -> str:
    signature = headers.get(TWILIO_SIGNATURE)
    if not signature:
        raise SignatureMissing("The X-Twilio-Signature header is missing.")
    if not settings.twilio_auth_token.get_secret_value():
        raise WebhooksNotConfigured(not_configured(settings, "twilio_auth_token"))
    if not TWILIO_SIGNATURE_SHAPE.fullmatch(signature):
        raise SignatureInvalid("The X-Twilio-Signature header is malformed.")
    return signature


def verify_twilio_form(
    settings: NotificationsSettings, signature: str, url: str, params: list[tuple[str, str]]
) -> None:
    auth_token = settings.twilio_auth_token.get_secret_value()
    if not verify_twilio(auth_token, url, params, signature):
        raise SignatureInvalid("The Twilio signature does not match.")


def not_configured(settings: NotificationsSettings, field: str) -> str:
    return f"Webhooks are not accepted: {env_name(type(settings), field)} is not set."
