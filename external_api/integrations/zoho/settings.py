from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ZohoSettings(BaseSettings):
    """The platform's Zoho API client (OAuth, in one Zoho data centre), and the key its
    notification channels' tokens are made with."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_ZOHO_", env_file=".env", extra="ignore"
    )

    accounts_url: str = Field(
        "https://accounts.zoho.com",
        description="Zoho's accounts server of the client's data centre (accounts.zoho.eu, "
        ".in, .com.au, .jp, .ca, ...): consent page and token endpoint",
    )
    api_url: str = Field(
        "https://www.zohoapis.com",
        description="Zoho CRM's API, until a connection names its own `api_domain`",
    )
    client_id: str = Field("", description="the API client's client id")
    client_secret: SecretStr = Field(SecretStr(""), description="the API client's secret")
    webhook_key: SecretStr = Field(
        SecretStr(""),
        description="makes each account's notification channel token; empty refuses every "
        "notification",
    )
