from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class KeapSettings(BaseSettings):
    """The platform's Keap app (OAuth), and the key its REST hooks' URLs are made with."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_KEAP_", env_file=".env", extra="ignore"
    )

    api_url: str = Field(
        "https://api.infusionsoft.com/crm/rest", description="Keap's REST API base URL"
    )
    client_id: str = Field("", description="the app's client id")
    client_secret: SecretStr = Field(SecretStr(""), description="the app's client secret")
    authorize_url: str = Field(
        "https://accounts.infusionsoft.com/app/oauth/authorize", description="Keap's consent page"
    )
    token_url: str = Field(
        "https://api.infusionsoft.com/token", description="Keap's token endpoint"
    )
    webhook_key: SecretStr = Field(
        SecretStr(""),
        description="makes each account's REST hook URL token; empty refuses every hook",
    )
