"""Pipedrive's webhooks v1 (pipedrive.readme.io/docs/guide-for-webhooks): no signature;
Pipedrive signs in with the HTTP basic auth given when the webhook was made, which is checked
before the body is read. A person's `added`, `updated`, `merged` or `deleted` event becomes one
change to sync into the account the URL names."""

import base64
import binascii
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

DELETED = "deleted"


def basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        user, colon, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (user, password) if colon else None


class PipedriveWebhooks(WebhookReceiver):
    provider = "pipedrive"

    def __init__(self, account_id: str, user: str, password: str) -> None:
        self.account_id = account_id
        self.user = user
        self.password = password

    def signed_at(self, headers: Mapping[str, str]) -> None:
        given = basic_credentials(headers.get("authorization", ""))
        if not self.password or given is None:
            raise BadSignature()
        user, password = given
        if not (same(self.user, user) & same(self.password, password)):
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Checked already, with the headers alone: the body is not signed."""

    def events(self, body: bytes) -> list[WebhookEvent]:
        sent = json_of(body)
        meta = sent.get("meta") if isinstance(sent, dict) else None
        if not isinstance(meta, dict) or meta.get("object") != "person":
            return []
        return [self.event_of(meta)]

    def event_of(self, meta: dict[str, Any]) -> WebhookEvent:
        try:
            person, webhook, at = meta["id"], meta["webhook_id"], meta["timestamp"]
        except KeyError:
            raise InvalidInput("A Pipedrive event lacks its person, webhook or time.") from None
        action = str(meta.get("action", ""))
        data = {
            "account_id": self.account_id,
            "changes": [{"external_id": str(person), "deleted": action == DELETED}],
        }
        return WebhookEvent(id=f"{webhook}:{person}:{at}", type=f"{action}.person", data=data)
