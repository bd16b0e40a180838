"""Stripe's Connect webhook: a JSON event signed in `Stripe-Signature` (`t=<unix>,v1=<hex>`,
HMAC-SHA256 of `"{t}.{body}"` with the endpoint's secret); `account` names the connected
account the event happened in."""

from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import timestamped_header_shaped, verify_timestamped_hmac

SIGNATURE = "stripe-signature"


class ConnectWebhooks(WebhookReceiver):
    provider = "stripe"

    def __init__(self, secret: str, tolerance_seconds: int) -> None:
        self.secret = secret
        self.tolerance_seconds = tolerance_seconds

    def signed_at(self, headers: Mapping[str, str]) -> int:
        timestamp = timestamped_header_shaped(headers.get(SIGNATURE, ""))
        if timestamp is None:
            raise BadSignature()
        return timestamp

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        header = headers.get(SIGNATURE, "")
        if not verify_timestamped_hmac(self.secret, body, header, self.tolerance_seconds):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        event = json_of(body)
        try:
            data = {
                "stripe_account_id": event.get("account"),
                "created": int(event["created"]),
                "object": event["data"]["object"],
            }
            return [WebhookEvent(id=event["id"], type=event["type"], data=data)]
        except (AttributeError, ValueError, KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a Stripe event.") from None
