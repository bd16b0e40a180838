"""The settings of the public layer, read by the internal API (`INTERNAL_API_` prefix)."""

from typing import Self

from pydantic import Field, model_validator

from shared.utilities.ratelimit import Limits, parse_limits
from shared.utilities.settings import RunMode, ServiceSettings


class PublicSettings(ServiceSettings):
    public_rate_limit_per_ip: Limits = Field(
        parse_limits("20/minute, 300/day"),
        description="requests one client address may make to one public action (a form's "
        "submissions, its render stamps), e.g. '20/minute, 300/day'; empty: none",
    )
    public_rate_limit_per_key: Limits = Field(
        parse_limits("120/minute, 5000/hour"),
        description="requests all clients together may make to one public action of one key "
        "(one form's submissions); empty: none",
    )
    public_stamp_key: str = Field(
        "",
        description="secret (32+ random bytes) signing the render stamps of public forms; "
        "empty in embedded mode uses a development secret",
    )
    public_min_fill_seconds: float = Field(
        3, ge=0, description="a form sent back sooner after it was rendered is refused as spam"
    )
    public_stamp_max_age_seconds: int = Field(
        24 * 3600, gt=0, description="a form rendered longer ago than this must be reloaded"
    )
    public_script_max_age_seconds: int = Field(
        300, ge=0, description="how long browsers and CDNs may keep a form's embed script"
    )
    captcha_timeout_seconds: float = Field(
        5, gt=0, description="how long hCaptcha or Turnstile may take to verify a token: 503"
    )
    hcaptcha_site_key: str = Field("", description="hCaptcha site key shown to forms' visitors")
    hcaptcha_secret: str = Field("", description="hCaptcha secret key; empty: hCaptcha is off")
    turnstile_site_key: str = Field("", description="Cloudflare Turnstile site key")
    turnstile_secret: str = Field("", description="Turnstile secret key; empty: Turnstile is off")

    @model_validator(mode="after")
    def distributed_mode_needs_a_stamp_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.public_stamp_key:
            raise ValueError("INTERNAL_API_PUBLIC_STAMP_KEY is required in distributed mode")
        return self
