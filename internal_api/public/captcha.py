"""Captchas verified server-side: hCaptcha and Cloudflare Turnstile through their documented
siteverify APIs, and a local stand-in for embedded mode.

Both providers take a form-encoded POST of `secret`, `response` (the widget's token) and
`remoteip`, hCaptcha also `sitekey` (it then checks the token was made for it) and Turnstile
an `idempotency_key` (so a retried verification of one token is not read as its reuse). Both
answer `{"success": bool, "error-codes": [...], ...}`. A failure the visitor can mend (no token,
a wrong, expired or spent one) raises CaptchaFailed (400) with the provider's codes; a provider
that cannot be asked (down, slow, an unreadable answer) or refusing our own keys raises
CaptchaUnavailable (503): never a pass.

The local provider (`local`) stands in on a machine without keys: it accepts LOCAL_PASS_TOKEN
and nothing else, and exists only in embedded mode (CaptchaNotConfigured elsewhere).
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import httpx
from pydantic import BaseModel, Field, ValidationError

from internal_api.public.errors import CaptchaFailed, CaptchaNotConfigured, CaptchaUnavailable

logger = logging.getLogger(__name__)

LOCAL_PASS_TOKEN = "local-captcha-pass"  # what the local widget hands its form when ticked
# Error codes that say our side is wrong (keys), or the provider's: not the visitor's doing.
OUR_FAULT = frozenset(
    {
        "missing-input-secret",
        "invalid-input-secret",
        "sitekey-secret-mismatch",
        "invalid-sitekey",
        "internal-error",
    }
)
MAX_TOKEN_CHARS = 4096  # Turnstile documents 2048; hCaptcha's are shorter


class CaptchaProvider(StrEnum):
    HCAPTCHA = "hcaptcha"
    TURNSTILE = "turnstile"
    LOCAL = "local"


SITEVERIFY_URLS = {
    CaptchaProvider.HCAPTCHA: "https://api.hcaptcha.com/siteverify",
    CaptchaProvider.TURNSTILE: "https://challenges.cloudflare.com/turnstile/v0/siteverify",
}


@dataclass(frozen=True)
class CaptchaKeys:
    site_key: str  # shown to the page's widget
    secret: str  # sent to the provider only


class SiteverifyAnswer(BaseModel):
    success: bool
    error_codes: list[str] = Field(default_factory=list, alias="error-codes")


class Captchas:
    """The providers this platform has keys for, verified over one pooled client."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        keys: Mapping[CaptchaProvider, CaptchaKeys],
        local_allowed: bool,
    ) -> None:
        self.client = client
        self.keys = dict(keys)
        self.local_allowed = local_allowed

    def offered(self) -> frozenset[CaptchaProvider]:
        """What a resource may ask for here (a form's settings are checked against it)."""
        local = {CaptchaProvider.LOCAL} if self.local_allowed else set()
        return frozenset({*self.keys, *local})

    def site_key(self, provider: CaptchaProvider) -> str:
        """The site key the page's widget is drawn with (raises CaptchaNotConfigured)."""
        if provider is CaptchaProvider.LOCAL and self.local_allowed:
            return "local"
        return self.keys_of(provider).site_key

    def keys_of(self, provider: CaptchaProvider) -> CaptchaKeys:
        if provider not in self.keys:
            raise CaptchaNotConfigured(f"The {provider} captcha is not set up on this platform.")
        return self.keys[provider]

    async def verify(
        self, provider: CaptchaProvider, token: str, *, remote_ip: str, idempotency_key: str = ""
    ) -> None:
        """Returns when the token is a solved captcha; raises CaptchaFailed,
        CaptchaUnavailable or CaptchaNotConfigured otherwise. `idempotency_key` (a UUID, say
        the submission's id) lets a retried submission verify the same token again."""
        if provider is CaptchaProvider.LOCAL and self.local_allowed:
            if token != LOCAL_PASS_TOKEN:
                raise CaptchaFailed(["invalid-input-response"])
            return
        keys = self.keys_of(provider)
        if not token or len(token) > MAX_TOKEN_CHARS:
            raise CaptchaFailed(
                ["missing-input-response" if not token else "invalid-input-response"]
            )
        form = {"secret": keys.secret, "response": token}
        if remote_ip:
            form["remoteip"] = remote_ip
        if provider is CaptchaProvider.HCAPTCHA:
            form["sitekey"] = keys.site_key
        elif idempotency_key:
            form["idempotency_key"] = idempotency_key
        answer = await self.siteverify(provider, form)
        if answer.success:
            return
        if OUR_FAULT & set(answer.error_codes):
            logger.error("%s refused our verification: %s", provider, answer.error_codes)
            raise CaptchaUnavailable()
        raise CaptchaFailed(answer.error_codes)

    async def siteverify(self, provider: CaptchaProvider, form: dict[str, str]) -> SiteverifyAnswer:
        try:
            response = await self.client.post(SITEVERIFY_URLS[provider], data=form)
            response.raise_for_status()
            return SiteverifyAnswer.model_validate_json(response.content)
        except (httpx.HTTPError, ValidationError) as error:
            logger.warning("%s siteverify failed: %r", provider, error)
            raise CaptchaUnavailable() from error


def captcha_keys(
    hcaptcha: CaptchaKeys, turnstile: CaptchaKeys
) -> dict[CaptchaProvider, CaptchaKeys]:
    """The providers whose secret is set."""
    given = {CaptchaProvider.HCAPTCHA: hcaptcha, CaptchaProvider.TURNSTILE: turnstile}
    return {provider: keys for provider, keys in given.items() if keys.secret}
