from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class FacebookSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_FACEBOOK_", env_file=".env", extra="ignore"
    )

    app_id: str = Field("", description="the platform's Facebook app id")
    app_secret: SecretStr = Field(
        SecretStr(""), description="its secret; also signs the webhooks Facebook sends"
    )
    graph_url: str = Field("https://graph.facebook.com", description="the Graph API")
    graph_version: str = Field("v19.0", description="the Graph API version in paths")
    dialog_url: str = Field("https://www.facebook.com", description="Facebook Login's dialog")
    webhook_verify_token: SecretStr = Field(
        SecretStr(""), description="what Facebook echoes when subscribing the webhook"
    )
