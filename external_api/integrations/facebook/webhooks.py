"""Facebook's webhooks for lead ads: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
body with the app secret>`, a body of `{"object": "page", "entry": [{"id", "time", "changes":
[{"field": "leadgen", "value": {"leadgen_id", "page_id", "form_id", "ad_id", ...}}]}]}`.

Facebook signs no timestamp, so replays are refused by the lead's id alone (the receipt).
"""

import json
from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    hmac_hex,
    same_signature,
)
from shared.utilities.errors import InvalidInput

SIGNATURE_HEADER = "x-hub-signature-256"
LEADGEN = "leadgen"


class LeadgenReceiver(WebhookReceiver):
    provider = "facebook"

    def __init__(self, app_secret: str) -> None:
        self.app_secret = app_secret

    def verify(self, headers: Mapping[str, str], body: bytes) -> int | None:
        scheme, _, signature = headers.get(SIGNATURE_HEADER, "").partition("=")
        if not self.app_secret or scheme != "sha256" or not signature:
            raise BadSignature("X-Hub-Signature-256 is missing.")
        if not same_signature(hmac_hex(self.app_secret, body), signature):
            raise BadSignature("X-Hub-Signature-256 does not match the body.")
        return None

    def events(self, body: bytes) -> list[WebhookEvent]:
        try:
            entries = json.loads(body).get("entry", [])
            return [
                WebhookEvent(str(change["value"]["leadgen_id"]), LEADGEN, change["value"])
                for entry in entries
                for change in entry.get("changes", [])
                if change.get("field") == LEADGEN
            ]
        except (ValueError, AttributeError, KeyError, TypeError):
            raise InvalidInput("The webhook body is not a Facebook lead ads event.") from None
