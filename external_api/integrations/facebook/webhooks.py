"""Facebook's webhooks for lead ads: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
body with the app secret>`, a body of `{"object": "page", "entry": [{"id", "time", "changes":
[{"field": "leadgen", "value": {"leadgen_id", "page_id", "form_id", "ad_id", ...}}]}]}`.

Facebook signs no timestamp, so replays are refused by the lead's id alone (the receipt).
"""

from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import hub_sha256_shaped, verify_hub_sha256

SIGNATURE_HEADER = "x-hub-signature-256"
LEADGEN = "leadgen"


class LeadgenReceiver(WebhookReceiver):
    provider = "facebook"

    def __init__(self, app_secret: str) -> None:
        self.app_secret = app_secret

    def signed_at(self, headers: Mapping[str, str]) -> None:
        if not self.app_secret or not hub_sha256_shaped(headers.get(SIGNATURE_HEADER, "")):
            raise BadSignature("X-Hub-Signature-256 is missing.")

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_hub_sha256(self.app_secret, body, headers[SIGNATURE_HEADER]):
            raise BadSignature("X-Hub-Signature-256 does not match the body.")

    def events(self, body: bytes) -> list[WebhookEvent]:
        payload = json_of(body)
        try:
            entries = payload.get("entry", [])
            return [
                WebhookEvent(str(change["value"]["leadgen_id"]), LEADGEN, change["value"])
                for entry in entries
                for change in entry.get("changes", [])
                if change.get("field") == LEADGEN
            ]
        except (AttributeError, KeyError, TypeError):
            raise InvalidInput("The webhook body is not a Facebook lead ads event.") from None
