from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class MailchimpSettings(BaseSettings):
    """The platform's Mailchimp app (OAuth 2); each connection's API address is its data
    centre's, read from Mailchimp's metadata endpoint when it connects."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_MAILCHIMP_", env_file=".env", extra="ignore"
    )

    login_url: str = Field(
        "https://login.mailchimp.com",
        description="Mailchimp's login server: consent page, token and metadata endpoints",
    )
    client_id: str = Field("", description="the registered app's client id")
    client_secret: SecretStr = Field(SecretStr(""), description="the app's client secret")
    webhook_key: SecretStr = Field(
        SecretStr(""),
        description="makes each account's audience webhook URL token; empty refuses every webhook",
    )
