"""Mailchimp's audience webhooks (mailchimp.com/developer/marketing/guides/sync-audience-data-
webhooks): form-encoded (`type`, `fired_at`, `data[list_id]`, `data[email]`, ...) and signed
by nothing; each call is authenticated by the account's hook token in its URL (`hook_tokens`),
checked before the body is read. An unsubscribe or a cleaned address becomes one event; the
member's id (its subscriber hash) with the time makes the receipt idempotent."""

from external_api.integrations.framework.webhooks import WebhookEvent
from external_api.integrations.hook_tokens import HookTokenFormWebhooks
from external_api.integrations.mailchimp.client import NAME, subscriber_hash
from shared.utilities.errors import InvalidInput

EVENTS = ("unsubscribe", "cleaned")


class MailchimpWebhooks(HookTokenFormWebhooks):
    provider = NAME
    title = "A Mailchimp"

    def events(self, body: bytes) -> list[WebhookEvent]:
        form = self.form(body)
        kind = form.get("type", "")
        if kind not in EVENTS:
            return []
        email, list_id, at = (
            form.get("data[email]"),
            form.get("data[list_id]"),
            form.get("fired_at"),
        )
        if not email or not list_id or not at:
            raise InvalidInput("A Mailchimp webhook lacks its address, audience or time.")
        data = {"account_id": self.account_id, "list_id": list_id, "email": email}
        event_id = f"{kind}:{list_id}:{subscriber_hash(email)}:{at}"
        return [WebhookEvent(id=event_id, type=kind, data=data)]
