"""Square's webhooks (developer.squareup.com/docs/webhooks/overview): one JSON event per
delivery, for every seller that authorized the application, signed in
`x-square-hmacsha256-signature`: the base64 HMAC-SHA256, keyed with the subscription's
signature key, of the notification URL followed by the body. Square signs no timestamp, and
redelivers an event with its same `event_id`.

A customer's or a payment's event carries the whole object (`data.object.customer`,
`data.object.payment`), copied as it is; `catalog.version.updated` only says the catalog
changed, so the catalog is read again."""

from collections.abc import Mapping
from typing import Any

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from shared.domain.billing.square_objects import SquareKind
from shared.utilities.errors import InvalidInput
from shared.utilities.signatures import square_signature_shaped, verify_square

SIGNATURE = "x-square-hmacsha256-signature"
CATALOG_UPDATED = "catalog.version.updated"
# The events copied, and what kind of object each carries.
COPIED: dict[str, SquareKind] = {
    "customer.created": SquareKind.CUSTOMER,
    "customer.updated": SquareKind.CUSTOMER,
    "customer.deleted": SquareKind.CUSTOMER,
    "payment.created": SquareKind.PAYMENT,
    "payment.updated": SquareKind.PAYMENT,
}


class SquareWebhooks(WebhookReceiver):
    provider = "square"

    def __init__(self, signature_key: str, notification_url: str) -> None:
        self.signature_key = signature_key
        self.notification_url = notification_url  # as the subscription names it, as signed

    def signed_at(self, headers: Mapping[str, str]) -> None:
        if not self.signature_key or not square_signature_shaped(headers.get(SIGNATURE, "")):
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if not verify_square(self.signature_key, self.notification_url, body, headers[SIGNATURE]):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        event = json_of(body)
        try:
            kind, event_id, merchant = event["type"], event["event_id"], event["merchant_id"]
            data: dict[str, Any] = {"merchant_id": str(merchant)}
            if kind == CATALOG_UPDATED:
                return [WebhookEvent(id=str(event_id), type=kind, data=data)]
            if kind not in COPIED:
                return []
            sent = event["data"]
            square_object = sent["object"][sent["type"]]
        except (KeyError, TypeError):
            raise InvalidInput("The webhook's body is not a Square event.") from None
        if not isinstance(square_object, dict) or "id" not in square_object:
            raise InvalidInput("The Square event carries no object.")
        data |= {
            "kind": COPIED[kind],
            "object": square_object,
            "deleted": bool(sent.get("deleted")) or kind == "customer.deleted",
        }
        return [WebhookEvent(id=str(event_id), type=kind, data=data)]
