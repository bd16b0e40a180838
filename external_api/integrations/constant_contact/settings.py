from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConstantContactSettings(BaseSettings):
    """The platform's Constant Contact application (OAuth 2, the authorization-code flow with
    PKCE and refresh tokens)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_CONSTANT_CONTACT_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.cc.email", description="Constant Contact's v3 API host")
    client_id: str = Field("", description="the application's API key (its client id)")
    client_secret: SecretStr = Field(SecretStr(""), description="the application's secret")
    authorize_url: str = Field(
        "https://authz.constantcontact.com/oauth2/default/v1/authorize",
        description="Constant Contact's consent page",
    )
    token_url: str = Field(
        "https://authz.constantcontact.com/oauth2/default/v1/token",
        description="Constant Contact's token endpoint",
    )
