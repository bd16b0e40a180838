"""How webhook deliveries are signed, and how a receiver checks them.

Every delivery carries

    Webhook-Signature: t=1700000000,v1=5257a869e7ec...(64 hex digits)

where `t` is when it was sent (Unix seconds) and `v1` is the hex HMAC-SHA256, keyed with the
endpoint's secret (the whole `whsec_...` string, as UTF-8), of `f"{t}.{body}"` over the raw
request body. While a rotated secret is still valid (its overlap), a second `v1` signed with the
old secret follows, so a receiver holding either one accepts the delivery.

A receiver verifies like this (Python: `shared.utilities.signatures.verify_timestamped_hmac`):
1. split the header on `,` into `t` and every `v1`;
2. compute HMAC-SHA256(secret, f"{t}.{raw body}") in hex;
3. accept when it equals one of the `v1` values (compare in constant time) and `t` is within a
   few minutes of its own clock; refuse otherwise, which also refuses a replayed old delivery.
"""

from datetime import datetime

from queue_manager.settings import QueueManagerSettings
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.encryption import SecretBox, configured_box
from shared.utilities.signatures import sign_timestamped_hmac

SIGNATURE_HEADER = "Webhook-Signature"
# The development key's name in .cache/dev-keys, shared with internal_api in embedded mode.
DEVELOPMENT_KEY = "webhooks"


def secret_box(settings: QueueManagerSettings) -> SecretBox:
    """What opens the sealed secrets: WEBHOOK_ENCRYPTION_KEYS, or in embedded mode the
    development key internal_api seals them with."""
    return configured_box(settings.webhook_encryption_keys, settings.mode, DEVELOPMENT_KEY)


def signing_secrets(subscription: WebhookSubscription, box: SecretBox, now: datetime) -> list[str]:
    """The current secret, then the one it replaced while its overlap lasts."""
    sealed = [subscription.sealed_secret]
    expires = subscription.previous_secret_expires_at
    if subscription.sealed_previous_secret and expires and expires > now:
        sealed.append(subscription.sealed_previous_secret)
    return [box.open(secret) for secret in sealed]


def signature_header(secrets: list[str], body: bytes, timestamp: int) -> str:
    """`t=<timestamp>,v1=<hex>` with one `v1` per secret, in the order given."""
    signed = [sign_timestamped_hmac(secret, body, timestamp) for secret in secrets]
    return f"t={timestamp}," + ",".join(value.partition(",")[2] for value in signed)
