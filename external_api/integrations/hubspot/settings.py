from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class HubspotSettings(BaseSettings):
    """The platform's HubSpot public app (OAuth, webhooks signed with its client secret)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_HUBSPOT_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.hubapi.com", description="HubSpot's API base URL")
    client_id: str = Field("", description="the app's client id")
    client_secret: SecretStr = Field(
        SecretStr(""), description="the app's client secret; also signs its webhooks (v3)"
    )
    authorize_url: str = Field(
        "https://app.hubspot.com/oauth/authorize", description="HubSpot's consent page"
    )
    token_url: str = Field(
        "https://api.hubapi.com/oauth/v1/token", description="HubSpot's token endpoint"
    )
