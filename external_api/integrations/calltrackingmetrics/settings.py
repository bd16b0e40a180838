from pydantic import Field, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict


class CtmSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_CALLTRACKINGMETRICS_", env_file=".env", extra="ignore"
    )

    api_url: str = Field(
        "https://api.calltrackingmetrics.com/api/v1",
        description="CallTrackingMetrics' API base URL",
    )
    webhook_tolerance_seconds: PositiveInt = Field(
        300, description="how far a webhook's X-CTM-Time may be from now"
    )
