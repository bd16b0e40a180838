"""ActiveCampaign's webhooks (developers.activecampaign.com/page/webhooks): form-encoded
(`type`, `date_time`, `contact[id]`, ...), without any signature. Each call is authenticated
by the account's hook token in its URL (`hook_tokens`), checked before the body is read. A
contact's `subscribe`, `update` or `unsubscribe` becomes one change to sync; ActiveCampaign
sends no webhook when a contact is deleted."""

from collections.abc import Mapping
from urllib.parse import parse_qs

from external_api.integrations.framework.webhooks import WebhookEvent, WebhookReceiver
from external_api.integrations.hook_tokens import check_hook_token
from shared.utilities.errors import InvalidInput

NAME = "activecampaign"
EVENTS = ("subscribe", "update", "unsubscribe")


class ActiveCampaignWebhooks(WebhookReceiver):
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
        try:
            form = {name: values[0] for name, values in parse_qs(body.decode()).items()}
        except UnicodeDecodeError:
            raise InvalidInput("An ActiveCampaign webhook is not form-encoded text.") from None
        kind = form.get("type", "")
        if kind not in EVENTS:
            return []
        contact, at = form.get("contact[id]"), form.get("date_time")
        if not contact or not at:
            raise InvalidInput("An ActiveCampaign webhook lacks its contact id or time.")
        data = {"account_id": self.account_id, "changes": [{"external_id": contact}]}
        return [WebhookEvent(id=f"{kind}:{contact}:{at}", type=kind, data=data)]
