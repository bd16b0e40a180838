"""Forms' captcha secrets (the hCaptcha or Turnstile key the server verifies tokens with):
stored sealed with INTERNAL_API_FORM_ENCRYPTION_KEYS, never answered, opened only to verify."""

from typing import Annotated

from fastapi import Depends

from internal_api.dependencies import Settings
from shared.utilities.encryption import SecretBox, configured_box

# Where embedded mode keeps its development key (.cache/dev-keys).
DEVELOPMENT_KEY = "forms"


def secret_box(settings: Settings) -> SecretBox:
    return configured_box(settings.form_encryption_keys, settings.mode, DEVELOPMENT_KEY)


CaptchaSealer = Annotated[SecretBox, Depends(secret_box)]
