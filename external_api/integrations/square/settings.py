from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SquareSettings(BaseSettings):
    """The platform's Square application (OAuth; its webhook subscription's signature key).
    Square's sandbox is `https://connect.squareupsandbox.com` for the three URLs."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_SQUARE_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://connect.squareup.com", description="Square's API base URL")
    api_version: str = Field(
        "2025-01-23", description="the Square-Version date every call is answered in"
    )
    client_id: str = Field("", description="the application's id (sq0idp-...)")
    client_secret: SecretStr = Field(SecretStr(""), description="the application's secret")
    authorize_url: str = Field(
        "https://connect.squareup.com/oauth2/authorize", description="Square's consent page"
    )
    token_url: str = Field(
        "https://connect.squareup.com/oauth2/token", description="Square's token endpoint"
    )
    webhook_signature_key: SecretStr = Field(
        SecretStr(""),
        description="the signature key of the application's webhook subscription pointed at "
        "/v1/e/square/webhooks/events; empty refuses every webhook",
    )
