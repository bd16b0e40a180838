from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class PipedriveSettings(BaseSettings):
    """The platform's Pipedrive app (OAuth), and the HTTP basic auth its webhooks carry."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_PIPEDRIVE_", env_file=".env", extra="ignore"
    )

    api_url: str = Field(
        "https://api.pipedrive.com",
        description="Pipedrive's API, until a connection names its company's `api_domain`",
    )
    client_id: str = Field("", description="the app's client id")
    client_secret: SecretStr = Field(SecretStr(""), description="the app's client secret")
    authorize_url: str = Field(
        "https://oauth.pipedrive.com/oauth/authorize", description="Pipedrive's consent page"
    )
    token_url: str = Field(
        "https://oauth.pipedrive.com/oauth/token", description="Pipedrive's token endpoint"
    )
    webhook_user: str = Field("", description="the user name Pipedrive's webhooks sign in with")
    webhook_password: SecretStr = Field(
        SecretStr(""),
        description="the password Pipedrive's webhooks sign in with (HTTP basic auth); "
        "empty refuses every webhook",
    )
