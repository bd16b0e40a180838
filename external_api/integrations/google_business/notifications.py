"""Business Profile's review notifications (NEW_REVIEW, UPDATED_REVIEW), pushed by the
Cloud Pub/Sub subscription the platform's Google project sets up: the push endpoint carries a
secret `token` (EXTERNAL_API_GOOGLE_BUSINESS_PUSH_TOKEN) checked before the body is read, and
each message's `data` is base64 JSON naming the location and review. The queue manager reads
the location's reviews again (incrementally) for each one."""

import base64
import binascii
import json
from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidBody
from shared.utilities.signatures import same

PROVIDER = "google-business"
REVIEW_TYPES = frozenset({"NEW_REVIEW", "UPDATED_REVIEW"})


class ReviewNotifications(WebhookReceiver):
    provider = PROVIDER

    def __init__(self, expected_token: str, given_token: str) -> None:
        self.expected = expected_token
        self.given = given_token

    def signed_at(self, headers: Mapping[str, str]) -> int | None:
        if not self.expected or not same(self.expected, self.given):
            raise BadSignature("The push token does not match.")
        return None

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """The token was checked before the body was read; Pub/Sub signs nothing else."""

    def events(self, body: bytes) -> list[WebhookEvent]:
        push = json_of(body)
        message = push.get("message") if isinstance(push, dict) else None
        if not isinstance(message, dict) or "messageId" not in message:
            raise InvalidBody("Not a Pub/Sub push message.")
        try:
            data = json.loads(base64.b64decode(message.get("data", ""), validate=True))
        except (binascii.Error, ValueError):
            raise InvalidBody("The message's data is not base64 JSON.") from None
        kind = data.get("notificationType", "") if isinstance(data, dict) else ""
        if kind not in REVIEW_TYPES:
            return []
        location = str(data.get("locationName", ""))
        return [
            WebhookEvent(
                id=str(message["messageId"]),
                type=kind,
                data={"location": location.rpartition("/")[2], "review": data.get("reviewName")},
            )
        ]
