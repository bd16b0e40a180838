from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class TwilioSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_TWILIO_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.twilio.com/2010-04-01", description="Twilio's REST API")
