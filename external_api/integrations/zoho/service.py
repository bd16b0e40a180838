"""An account's Zoho notification channel: `POST /crm/v6/actions/watch` on `Contacts.all`,
calling back the account's own URL with its hook token (Zoho echoes it in each notification).
A channel lasts a day at most here; subscribing again replaces it (same channel id), and
the poll cron (`QM_CRM_SYNC_POLL`) still pulls what an expired channel missed."""

from datetime import timedelta
from typing import Any

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.zoho.oauth import API_DOMAIN
from external_api.integrations.zoho.webhooks import NAME
from shared.models.base import utc_now
from shared.utilities.errors import InvalidInput

WATCH = "/crm/v6/actions/watch"
CHANNEL_HOURS = 24


def channel_id_of(account_id: str) -> int:
    """Zoho wants a number: the account id's last 12 hex digits (its counter and process)."""
    return int(account_id[-12:], 16)


def notify_url(integrations: Integrations, account_id: str) -> str:
    return f"{integrations.settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}"


async def watch_contacts(integrations: Integrations, account_id: str) -> dict[str, Any]:
    key = integrations.settings.zoho.webhook_key.get_secret_value()
    if not key:
        raise InvalidInput("Zoho notifications need EXTERNAL_API_ZOHO_WEBHOOK_KEY set.")
    credential = await integrations.store(NAME).connected(account_id)
    domain = str(credential.options.get(API_DOMAIN) or "").rstrip("/")
    expiry = (utc_now() + timedelta(hours=CHANNEL_HOURS)).replace(microsecond=0)
    channel = {
        "channel_id": channel_id_of(account_id),
        "events": ["Contacts.all"],
        "channel_expiry": expiry.isoformat(),
        "token": hook_token(key, NAME, account_id),
        "notify_url": notify_url(integrations, account_id),
    }
    http = integrations.connected_http(NAME, account_id)
    answer = await http.json("POST", f"{domain}{WATCH}", json={"watch": [channel]})
    result = (answer.get("watch") or [{}])[0]
    if result.get("status") != "success":
        raise InvalidInput(f"Zoho CRM: {result.get('message') or result.get('code')}")
    return {"channel_id": str(channel["channel_id"]), "expires_at": expiry}
