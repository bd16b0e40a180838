from pydantic import Field, PositiveInt, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class BingAdsSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_BING_ADS_", env_file=".env", extra="ignore"
    )

    client_id: str = Field("", description="the platform's Microsoft Entra app (client) id")
    client_secret: SecretStr = Field(SecretStr(""), description="its client secret")
    developer_token: SecretStr = Field(
        SecretStr(""), description="the platform's Microsoft Advertising developer token"
    )
    authorize_url: str = Field(
        "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        description="the Microsoft identity platform's consent page",
    )
    token_url: str = Field(
        "https://login.microsoftonline.com/common/oauth2/v2.0/token",
        description="its token endpoint",
    )
    reporting_url: str = Field(
        "https://reporting.api.bingads.microsoft.com/Reporting/v13",
        description="the Reporting service's REST (JSON) endpoints",
    )
    report_poll_seconds: float = Field(
        2, ge=0, description="seconds between polls of a report Microsoft is still building"
    )
    report_poll_attempts: PositiveInt = Field(
        30, description="polls of a report before giving up on it (503 report_not_ready)"
    )
