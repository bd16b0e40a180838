"""CallTrackingMetrics' call webhooks: the call's JSON, signed in `X-CTM-Signature`: the base64
HMAC-SHA1, keyed with the account's API secret key, of `X-CTM-Time` (Unix seconds) followed by
the body; a delivery signed too long ago is refused."""

from collections.abc import Mapping

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import body_hmac_sha1_shaped, unix_seconds, verify_ctm

SIGNATURE = "x-ctm-signature"
TIME = "x-ctm-time"
CALL = "call"


class CtmWebhooks(WebhookReceiver):
    """For one account: its secret key, and its id carried into each event."""

    provider = "calltrackingmetrics"

    def __init__(self, account_id: str, secret_key: str, tolerance_seconds: int) -> None:
        self.account_id = account_id
        self.secret_key = secret_key
        self.tolerance_seconds = tolerance_seconds

    def signed_at(self, headers: Mapping[str, str]) -> int:
        timestamp = unix_seconds(headers.get(TIME, ""))
        if timestamp is None or not body_hmac_sha1_shaped(headers.get(SIGNATURE, "")):
            raise BadSignature()
        return timestamp

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_ctm(self.secret_key, headers[TIME], body, headers[SIGNATURE]):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        call = json_of(body)
        try:
            call_id = str(call["id"])
        except (KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a CallTrackingMetrics call.") from None
        data = {"account_id": self.account_id, "call": call}
        return [WebhookEvent(id=f"{call_id}:{CALL}", type=CALL, data=data)]
