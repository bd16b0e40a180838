"""Keap's REST hooks (developer.keap.com/rest-hooks): subscribing (`POST /v1/hooks`) makes
Keap call the hook URL at once with an `X-Hook-Secret` header, which must be echoed back for
the hook to be verified; each event then names the contacts it concerns (`object_keys`).
Keap signs no body, so every call is authenticated by the account's hook token in its URL
(`hook_tokens`), the handshake included: nobody else can verify a hook on the account."""

from collections.abc import Mapping
from typing import Any

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
)
from external_api.integrations.hook_tokens import check_hook_token
from shared.utilities.errors import InvalidInput

NAME = "keap"
HOOK_SECRET = "x-hook-secret"
EVENTS = ("contact.add", "contact.edit", "contact.delete")


class KeapWebhooks(WebhookReceiver):
    provider = NAME

    def __init__(self, account_id: str, key: str, token: str) -> None:
        self.account_id = account_id
        self.key = key
        self.token = token  # the URL's

    def signed_at(self, headers: Mapping[str, str]) -> None:
        check_hook_token(self.key, NAME, self.account_id, self.token)

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Checked already, with the URL alone: the body is not signed."""

    def events(self, body: bytes) -> list[WebhookEvent]:
        sent = json_of(body)
        if not isinstance(sent, dict) or sent.get("event_key") not in EVENTS:
            return []
        return [self.event_of(sent["event_key"], key) for key in sent.get("object_keys") or []]

    def event_of(self, kind: str, key: Any) -> WebhookEvent:
        if not isinstance(key, dict) or "id" not in key:
            raise InvalidInput("A Keap event names an object without its id.")
        contact = str(key["id"])
        data = {
            "account_id": self.account_id,
            "changes": [{"external_id": contact, "deleted": kind == "contact.delete"}],
        }
        return WebhookEvent(id=f"{kind}:{contact}:{key.get('timestamp')}", type=kind, data=data)


def handshake_secret(receiver: KeapWebhooks, headers: Mapping[str, str]) -> str | None:
    """The secret to echo when this is Keap verifying a new hook (on the account's own URL)."""
    secret = headers.get(HOOK_SECRET)
    if secret is None:
        return None
    receiver.signed_at(headers)
    if not secret or len(secret) > 200:
        raise BadSignature()
    return secret
