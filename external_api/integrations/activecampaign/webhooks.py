"""ActiveCampaign's webhooks (developers.activecampaign.com/page/webhooks): form-encoded
(`type`, `date_time`, `contact[id]`, ...), without any signature. Each call is authenticated
by the account's hook token in its URL (`hook_tokens`), checked before the body is read. A
contact's `subscribe`, `update` or `unsubscribe` becomes one change to sync; ActiveCampaign
sends no webhook when a contact is deleted."""

from external_api.integrations.framework.webhooks import WebhookEvent
from external_api.integrations.hook_tokens import HookTokenFormWebhooks
from shared.utilities.errors import InvalidInput

NAME = "activecampaign"
EVENTS = ("subscribe", "update", "unsubscribe")


class ActiveCampaignWebhooks(HookTokenFormWebhooks):
    provider = NAME
    title = "An ActiveCampaign"

    def events(self, body: bytes) -> list[WebhookEvent]:
        form = self.form(body)
        kind = form.get("type", "")
        if kind not in EVENTS:
            return []
        contact, at = form.get("contact[id]"), form.get("date_time")
        if not contact or not at:
            raise InvalidInput("An ActiveCampaign webhook lacks its contact id or time.")
        data = {"account_id": self.account_id, "changes": [{"external_id": contact}]}
        return [WebhookEvent(id=f"{kind}:{contact}:{at}", type=kind, data=data)]
