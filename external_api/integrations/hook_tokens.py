"""Per-account secrets in webhook URLs, for CRMs whose webhooks carry no signature of their own
(ActiveCampaign) or only what we gave them when subscribing (Zoho's echoed `token`, Keap's
handshake): an HMAC of the provider and account keyed with the platform's webhook key, so no
secret is stored per account and one key change revokes every URL at once. 40 hex digits
(160 bits): Zoho takes a channel token of at most 50 characters."""

import hashlib
import hmac

from external_api.integrations.framework.webhooks import BadSignature
from shared.utilities.signatures import same

TOKEN_LENGTH = 40


def hook_token(key: str, provider: str, account_id: str) -> str:
    message = f"{provider}:{account_id}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:TOKEN_LENGTH]


def check_hook_token(key: str, provider: str, account_id: str, given: str) -> None:
    """BadSignature unless `given` is the account's token; an empty key refuses everything
    (embedded mode without the setting receives no webhooks)."""
    if not key or not given or not same(hook_token(key, provider, account_id), given):
        raise BadSignature()
