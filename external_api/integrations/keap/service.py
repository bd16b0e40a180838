"""An account's Keap REST hooks: one per contact event (`contact.add`, `.edit`, `.delete`)
on the account's own hook URL; Keap verifies each at once through the handshake."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.keap.webhooks import EVENTS, NAME
from shared.utilities.errors import InvalidInput

HOOKS = "/v1/hooks"


def hook_url(integrations: Integrations, account_id: str, key: str) -> str:
    token = hook_token(key, NAME, account_id)
    base = integrations.settings.public_url.rstrip("/")
    return f"{base}/v1/e/{NAME}/webhooks/{account_id}/{token}"


async def subscribe_hooks(integrations: Integrations, account_id: str) -> list[dict[str, str]]:
    """Each event's hook as Keap answered it (its key and status, `Verified` when done)."""
    key = integrations.settings.keap.webhook_key.get_secret_value()
    if not key:
        raise InvalidInput("Keap hooks need EXTERNAL_API_KEAP_WEBHOOK_KEY set.")
    await integrations.store(NAME).connected(account_id)
    http = integrations.connected_http(NAME, account_id)
    url = hook_url(integrations, account_id, key)
    hooks = []
    for event in EVENTS:
        answer = await http.json("POST", HOOKS, json={"eventKey": event, "hookUrl": url})
        hooks.append({"key": str(answer["key"]), "event": event, "status": answer["status"]})
    return hooks
