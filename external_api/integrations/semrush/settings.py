from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SemrushSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_SEMRUSH_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.semrush.com", description="Semrush's Analytics API base URL")
    keywords_limit: int = Field(
        100, ge=1, le=10_000, description="organic keywords read per sync (each costs API units)"
    )
