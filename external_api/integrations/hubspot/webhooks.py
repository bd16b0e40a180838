"""HubSpot's app webhooks (developers.hubspot.com/docs/api/webhooks): a JSON array of events
for every portal that installed the app, signed with v3: `X-HubSpot-Signature-v3` is the
base64 HMAC-SHA256, keyed with the app's client secret, of method + URI + body + timestamp,
where `X-HubSpot-Request-Timestamp` is in milliseconds and refused when older than 5 minutes.

Each contact event becomes one change to sync (fetched again by the queue, as events carry at
most one property); HubSpot's own ids make each event's receipt idempotent."""

import base64
import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import same

SIGNATURE = "x-hubspot-signature-v3"
TIMESTAMP = "x-hubspot-request-timestamp"
DELETIONS = frozenset({"contact.deletion", "contact.privacyDeletion"})
CHANGES = frozenset({"contact.creation", "contact.propertyChange", "contact.restore"})


def v3_signature(secret: str, method: str, uri: str, body: bytes, timestamp: str) -> str:
    signed = method.encode() + uri.encode() + body + timestamp.encode()
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class HubspotWebhooks(WebhookReceiver):
    provider = "hubspot"
    tolerance_seconds = 300

    def __init__(self, client_secret: str, uri: str) -> None:
        self.client_secret = client_secret
        self.uri = uri  # the URL HubSpot was told to call, as it signs it

    def signed_at(self, headers: Mapping[str, str]) -> int:
        millis = headers.get(TIMESTAMP, "")
        # Milliseconds: 13 ASCII digits until the year 2286.
        shaped = millis.isascii() and millis.isdigit() and len(millis) <= 14
        if not shaped or not headers.get(SIGNATURE) or not self.client_secret:
            raise BadSignature()
        return int(millis) // 1000

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        expected = v3_signature(self.client_secret, "POST", self.uri, body, headers[TIMESTAMP])
        if not same(expected, headers[SIGNATURE]):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        sent = json_of(body)
        if not isinstance(sent, list):
            raise InvalidInput("HubSpot sends a list of events.")
        wanted = DELETIONS | CHANGES
        return [
            event_of(item)
            for item in sent
            if isinstance(item, dict) and item.get("subscriptionType") in wanted
        ]


def event_of(item: dict[str, Any]) -> WebhookEvent:
    try:
        portal, event_id, object_id = item["portalId"], item["eventId"], item["objectId"]
    except (KeyError, TypeError):
        raise InvalidInput("A HubSpot event lacks its portal, event or object id.") from None
    kind = item["subscriptionType"]
    data = {
        "external_account": str(portal),
        "changes": [{"external_id": str(object_id), "deleted": kind in DELETIONS}],
    }
    return WebhookEvent(id=f"{portal}:{event_id}", type=kind, data=data)
