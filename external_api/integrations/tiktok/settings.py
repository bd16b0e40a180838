from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class TiktokSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_TIKTOK_", env_file=".env", extra="ignore"
    )

    app_id: str = Field("", description="the platform's TikTok for Business developer app id")
    secret: SecretStr = Field(SecretStr(""), description="the app's secret")
    api_url: str = Field(
        "https://business-api.tiktok.com/open_api/v1.3", description="the Marketing API"
    )
    authorize_url: str = Field(
        "https://business-api.tiktok.com/portal/auth",
        description="the advertiser authorization page",
    )
    page_size: int = Field(
        1000, ge=1, le=1000, description="rows per page of the integrated report"
    )
