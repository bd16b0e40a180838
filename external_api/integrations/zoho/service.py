"""An account's Zoho notification channel: `POST /crm/v6/actions/watch` on `Contacts.all`,
calling back the account's own URL with its hook token (Zoho echoes it in each notification).
Made when the sync is set up; a channel lasts a day at most here, so `POST /v1/e/zoho/watch`
renews it (same channel id), and the poll cron (`QM_CRM_SYNC_POLL`) still pulls what an
expired channel missed."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.zoho.oauth import API_DOMAIN
from external_api.integrations.zoho.webhooks import NAME
from shared.models.base import utc_now
from shared.utilities.errors import InvalidInput

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings

WATCH = "/crm/v6/actions/watch"
CHANNEL_HOURS = 24


class JsonHttp(Protocol):
    async def json(self, method: str, path: str, **request: Any) -> Any: ...


def channel_id_of(account_id: str) -> int:
    """Zoho wants a number: the account id's last 12 hex digits (its counter and process)."""
    return int(account_id[-12:], 16)


async def watch(
    settings: "ExternalApiSettings", http: JsonHttp, domain: str, account_id: str
) -> datetime:
    """The channel (re)made, until when it lasts; the webhook key must be set."""
    key = settings.zoho.webhook_key.get_secret_value()
    expiry = (utc_now() + timedelta(hours=CHANNEL_HOURS)).replace(microsecond=0)
    channel = {
        "channel_id": channel_id_of(account_id),
        "events": ["Contacts.all"],
        "channel_expiry": expiry.isoformat(),
        "token": hook_token(key, NAME, account_id),
        "notify_url": f"{settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}",
    }
    answer = await http.json("POST", f"{domain.rstrip('/')}{WATCH}", json={"watch": [channel]})
    result = (answer.get("watch") or [{}])[0]
    if result.get("status") != "success":
        raise InvalidInput(f"Zoho CRM: {result.get('message') or result.get('code')}")
    return expiry


async def watch_contacts(integrations: Integrations, account_id: str) -> dict[str, Any]:
    if not integrations.settings.zoho.webhook_key.get_secret_value():
        raise InvalidInput("Zoho notifications need EXTERNAL_API_ZOHO_WEBHOOK_KEY set.")
    credential = await integrations.store(NAME).connected(account_id)
    domain = str(credential.options.get(API_DOMAIN) or "")
    http = integrations.connected_http(NAME, account_id)
    expiry = await watch(integrations.settings, http, domain, account_id)
    return {"channel_id": str(channel_id_of(account_id)), "expires_at": expiry}
