from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class BeamerSettings(BaseSettings):
    """The platform's Beamer account, where its product updates are posted. Without a key,
    agencies' product-update routes answer 503 `beamer_not_configured` and announcements stay
    the platform's own (none is posted to Beamer)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_BEAMER_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.getbeamer.com/v0", description="Beamer's API base URL")
    api_key: SecretStr = Field(
        SecretStr(""), description="the platform's Beamer API key (Beamer-Api-Key); empty: off"
    )
    category: str = Field(
        "announcement", description="the Beamer category announcements are posted in"
    )
