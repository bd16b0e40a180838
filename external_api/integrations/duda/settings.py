from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class DudaSettings(BaseSettings):
    """The platform's Duda partner API credentials (Duda, API access)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_DUDA_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.duda.co/api", description="Duda's API base URL")
    username: str = Field("", description="the platform's Duda API user; empty answers 503")
    password: SecretStr = Field(SecretStr(""), description="its password")
    # Each platform account is one Duda customer account, named with this prefix and its id.
    account_prefix: str = Field("platform-", description="prefix of Duda customer account names")
