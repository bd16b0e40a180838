from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class YextSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_YEXT_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.yextapis.com/v2", description="Yext's API base URL")
    # Yext answers in the shape of the API version the request names (`v=YYYYMMDD`).
    api_version: str = Field("20240101", pattern=r"^\d{8}$", description="Yext API version date")
