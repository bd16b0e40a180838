"""CallRail's call webhooks: a JSON body signed with the company's signing key, base64 of its
HMAC-SHA1, in the `Signature` header. CallRail signs no timestamp."""

from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import body_hmac_sha1_shaped, verify_body_hmac_sha1

SIGNATURE = "signature"
POST_CALL = "post_call"


class CallWebhooks(WebhookReceiver):
    """For one account: its signing key, and its id carried into each event."""

    provider = "callrail"

    def __init__(self, account_id: str, signing_key: str) -> None:
        self.account_id = account_id
        self.signing_key = signing_key

    def signed_at(self, headers: Mapping[str, str]) -> None:
        if not body_hmac_sha1_shaped(headers.get(SIGNATURE, "")):
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_body_hmac_sha1(self.signing_key, body, headers[SIGNATURE]):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        call = json_of(body)
        try:
            call_id = str(call["resource_id"])
        except (KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a CallRail call.") from None
        data = {"account_id": self.account_id, "call": call}
        return [WebhookEvent(id=f"{call_id}:{POST_CALL}", type=POST_CALL, data=data)]
