"""CallRail's call webhooks: a JSON body signed with the company's signing key, base64 of its
HMAC-SHA1, in the `Signature` header. CallRail signs no timestamp."""

import json
from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import verify_body_hmac_sha1

POST_CALL = "post_call"


class CallWebhooks(WebhookReceiver):
    """For one account: its signing key, and its id carried into each event."""

    provider = "callrail"

    def __init__(self, account_id: str, signing_key: str) -> None:
        self.account_id = account_id
        self.signing_key = signing_key

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        signature = headers.get("signature")
        if not signature or not verify_body_hmac_sha1(self.signing_key, body, signature):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        try:
            call = json.loads(body)
            call_id = call["resource_id"]
        except (ValueError, KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a CallRail call.") from None
        data = {"account_id": self.account_id, "call": call}
        return [WebhookEvent(id=f"{call_id}:{POST_CALL}", type=POST_CALL, data=data)]
