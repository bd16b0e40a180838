"""An account's ActiveCampaign webhook: `POST /api/3/webhooks` for its contacts' events on
the account's own URL. Changes made through the API (the sync's own) are not subscribed to,
so the platform's writes do not come back as webhooks."""

from external_api.integrations.activecampaign.client import API_URL
from external_api.integrations.activecampaign.webhooks import EVENTS, NAME
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from shared.utilities.errors import InvalidInput

SOURCES = ["public", "admin", "system"]  # not "api"


def webhook_url(integrations: Integrations, account_id: str, key: str) -> str:
    token = hook_token(key, NAME, account_id)
    base = integrations.settings.public_url.rstrip("/")
    return f"{base}/v1/e/{NAME}/webhooks/{account_id}/{token}"


async def subscribe_webhook(integrations: Integrations, account_id: str) -> str:
    """The webhook's id at ActiveCampaign."""
    key = integrations.settings.activecampaign.webhook_key.get_secret_value()
    if not key:
        raise InvalidInput("ActiveCampaign webhooks need EXTERNAL_API_ACTIVECAMPAIGN_WEBHOOK_KEY.")
    credential = await integrations.store(NAME).connected(account_id)
    webhook = {
        "name": "Platform CRM sync",
        "url": webhook_url(integrations, account_id, key),
        "events": list(EVENTS),
        "sources": SOURCES,
    }
    api_url = str(credential.options[API_URL]).rstrip("/")
    http = integrations.connected_http(NAME, account_id)
    answer = await http.json("POST", f"{api_url}/api/3/webhooks", json={"webhook": webhook})
    return str(answer["webhook"]["id"])
