from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CallrailSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_CALLRAIL_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.callrail.com/v3", description="CallRail's API base URL")
