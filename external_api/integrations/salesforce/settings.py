from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SalesforceSettings(BaseSettings):
    """The platform's Salesforce connected app (OAuth web server flow)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_SALESFORCE_", env_file=".env", extra="ignore"
    )

    login_url: str = Field(
        "https://login.salesforce.com",
        description="where users sign in (https://test.salesforce.com for sandboxes)",
    )
    client_id: str = Field("", description="the connected app's consumer key")
    client_secret: SecretStr = Field(SecretStr(""), description="the connected app's secret")
