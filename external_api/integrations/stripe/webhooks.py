"""Stripe's Connect webhook: a JSON event signed in `Stripe-Signature` (`t=<unix>,v1=<hex>`,
HMAC-SHA256 of `"{t}.{body}"` with the endpoint's secret); `account` names the connected
account the event happened in."""

import json
from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import parse_timestamped_header, verify_timestamped_hmac


class ConnectWebhooks(WebhookReceiver):
    provider = "stripe"

    def __init__(self, secret: str, tolerance_seconds: int) -> None:
        self.secret = secret
        self.tolerance_seconds = tolerance_seconds

    def verify(self, headers: Mapping[str, str], body: bytes) -> int:
        header = headers.get("stripe-signature", "")
        if not verify_timestamped_hmac(self.secret, body, header, self.tolerance_seconds):
            raise BadSignature()
        return parse_timestamped_header(header)[0]

    def events(self, body: bytes) -> list[WebhookEvent]:
        try:
            event = json.loads(body)
            data = {
                "stripe_account_id": event.get("account"),
                "created": int(event["created"]),
                "object": event["data"]["object"],
            }
            return [WebhookEvent(id=event["id"], type=event["type"], data=data)]
        except (ValueError, KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a Stripe event.") from None
