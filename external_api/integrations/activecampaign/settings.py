from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ActiveCampaignSettings(BaseSettings):
    """ActiveCampaign needs no platform app (each account connects its own API key and URL):
    only the key its webhooks' URL tokens are made with."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_ACTIVECAMPAIGN_", env_file=".env", extra="ignore"
    )

    webhook_key: SecretStr = Field(
        SecretStr(""),
        description="makes each account's webhook URL token; empty refuses every webhook",
    )
