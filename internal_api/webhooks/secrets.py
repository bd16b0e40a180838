"""Endpoints' signing secrets: made here, answered once, stored sealed with
WEBHOOK_ENCRYPTION_KEYS (the queue manager opens them to sign)."""

import secrets
from typing import Annotated

from fastapi import Depends

from internal_api.dependencies import Settings
from shared.utilities.encryption import SecretBox, configured_box

# Where embedded mode keeps its development key (.cache/dev-keys), shared with the queue manager.
DEVELOPMENT_KEY = "webhooks"


def new_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


def secret_box(settings: Settings) -> SecretBox:
    return configured_box(settings.webhook_encryption_keys, settings.mode, DEVELOPMENT_KEY)


SecretSealer = Annotated[SecretBox, Depends(secret_box)]
