"""SendGrid's signed event webhook: a JSON array of events, signed with ECDSA (P-256, SHA-256)
over the timestamp header followed by the body, verified with the account's public key."""

from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import ecdsa_signature_shaped, unix_seconds, verify_ecdsa_sha256

SIGNATURE = "x-twilio-email-event-webhook-signature"
TIMESTAMP = "x-twilio-email-event-webhook-timestamp"


class EventWebhooks(WebhookReceiver):
    provider = "sendgrid"

    def __init__(
        self, account_id: str, public_key: EllipticCurvePublicKey, tolerance_seconds: int
    ) -> None:
        self.account_id = account_id
        self.public_key = public_key
        self.tolerance_seconds = tolerance_seconds

    def signed_at(self, headers: Mapping[str, str]) -> int:
        timestamp = unix_seconds(headers.get(TIMESTAMP, ""))
        if timestamp is None or not ecdsa_signature_shaped(headers.get(SIGNATURE, "")):
            raise BadSignature()
        return timestamp

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_ecdsa_sha256(self.public_key, headers[TIMESTAMP], body, headers[SIGNATURE]):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        events = json_of(body)
        try:
            return [
                WebhookEvent(
                    id=event["sg_event_id"],
                    type=event["event"],
                    data={"account_id": self.account_id, "event": event},
                )
                for event in events
            ]
        except (KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a list of SendGrid events.") from None
