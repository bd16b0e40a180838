from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class CloudflareSettings(BaseSettings):
    """The platform's Cloudflare zone for SaaS custom hostnames (an API token with the zone's
    "SSL and Certificates: Edit" permission). Without a token, verified custom domains get no
    certificate from the platform: TLS is then the edge's own (Traefik's ACME, say)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_CLOUDFLARE_", env_file=".env", extra="ignore"
    )

    api_url: str = Field(
        "https://api.cloudflare.com/client/v4", description="Cloudflare's API base URL"
    )
    api_token: SecretStr = Field(
        SecretStr(""), description="API token of the SaaS zone; empty: no TLS provisioning"
    )
    zone_id: str = Field("", description="the zone custom hostnames are added to")
    min_tls_version: str = Field(
        "1.2", pattern=r"^1\.[0-3]$", description="lowest TLS version custom hostnames accept"
    )

    @model_validator(mode="after")
    def a_token_needs_its_zone(self) -> Self:
        if self.api_token.get_secret_value() and not self.zone_id:
            raise ValueError("EXTERNAL_API_CLOUDFLARE_ZONE_ID is required with a Cloudflare token")
        return self
