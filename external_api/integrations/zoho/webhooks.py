"""Zoho CRM's notifications (zoho.com/crm/developer/docs/api/v6/notifications/overview.html):
no signature; each notification echoes the `token` the channel was subscribed with, which is
the account's hook token (`hook_tokens`), checked before anything is taken from the body. One
notification names the records of one operation (`insert`, `update`, `delete`)."""

import hashlib
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

NAME = "zoho"
DELETE = "delete"
BATCH = 100  # records per event; the sync takes at most 200 changes a call


class ZohoWebhooks(WebhookReceiver):
    provider = NAME

    def __init__(self, account_id: str, key: str) -> None:
        self.account_id = account_id
        self.key = key

    def signed_at(self, headers: Mapping[str, str]) -> None:
        """Nothing in the headers: the token is in the body."""
        if not self.key:
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        sent = json_of(body)
        token = sent.get("token") if isinstance(sent, dict) else None
        check_hook_token(self.key, NAME, self.account_id, str(token or ""))

    def events(self, body: bytes) -> list[WebhookEvent]:
        sent = json_of(body)
        if sent.get("module") != "Contacts":
            return []
        ids = sent.get("ids")
        if not isinstance(ids, list) or "server_time" not in sent:
            raise InvalidInput("A Zoho notification lacks its record ids or time.")
        # A bulk change names many records: one event per batch the sync applies at once.
        batches = [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]
        return [self.event_of(sent, batch) for batch in batches]

    def event_of(self, sent: dict[str, Any], ids: list[Any]) -> WebhookEvent:
        operation = str(sent.get("operation", ""))
        deleted = operation == DELETE
        data = {
            "account_id": self.account_id,
            "changes": [{"external_id": str(each), "deleted": deleted} for each in ids],
        }
        # Zoho gives a notification no id: its channel, time, operation and records are one.
        names = (
            f"{sent.get('channel_id')}:{sent['server_time']}:{operation}:{sorted(map(str, ids))}"
        )
        event_id = hashlib.sha256(names.encode()).hexdigest()
        return WebhookEvent(id=event_id, type=f"Contacts.{operation}", data=data)
