"""Per-account secrets in webhook URLs, for CRMs whose webhooks carry no signature of their own
(ActiveCampaign) or only what we gave them when subscribing (Zoho's echoed `token`, Keap's
handshake): an HMAC of the provider and account keyed with the platform's webhook key, so no
secret is stored per account and one key change revokes every URL at once. 40 hex digits
(160 bits): Zoho takes a channel token of at most 50 characters."""

import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import parse_qs

from external_api.integrations.framework.webhooks import BadSignature, WebhookReceiver
from shared.utilities.errors import InvalidInput
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


class HookTokenFormWebhooks(WebhookReceiver):
    """Form-encoded webhooks signed by nothing (ActiveCampaign's, Mailchimp's): each call is
    authenticated by the account's token in its URL, checked before the body is read. A
    provider's receiver turns `form(body)` into its events."""

    title = ""  # the provider's name in an error message

    def __init__(self, account_id: str, key: str, token: str) -> None:
        self.account_id = account_id
        self.key = key
        self.token = token  # the URL's

    def signed_at(self, headers: Mapping[str, str]) -> None:
        check_hook_token(self.key, self.provider, self.account_id, self.token)

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Checked already, with the URL alone: the body is not signed."""

    def form(self, body: bytes) -> dict[str, str]:
        try:
            return {name: values[0] for name, values in parse_qs(body.decode()).items()}
        except UnicodeDecodeError:
            raise InvalidInput(f"{self.title} webhook is not form-encoded text.") from None
