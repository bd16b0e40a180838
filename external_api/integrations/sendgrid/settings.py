from pydantic import Field, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict


class SendgridSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_SENDGRID_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.sendgrid.com/v3", description="SendGrid's API base URL")
    # SendGrid does not document one; this refuses a signed delivery replayed much later.
    webhook_tolerance_seconds: PositiveInt = Field(
        600, description="how old a signed event webhook's timestamp may be"
    )
