from pydantic import Field, PositiveInt, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class RapidapiSettings(BaseSettings):
    """The platform's RapidAPI key, subscribed to a business-search API (OpenWeb Ninja's Local
    Business Data by default). Without a key, LeadFinder answers 503 `rapidapi_not_configured`."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_RAPIDAPI_", env_file=".env", extra="ignore"
    )

    api_key: SecretStr = Field(
        SecretStr(""), description="the platform's RapidAPI key (X-RapidAPI-Key); empty: off"
    )
    business_search_host: str = Field(
        "local-business-data.p.rapidapi.com",
        description="the business-search API's RapidAPI host (X-RapidAPI-Host)",
    )
    page_size: PositiveInt = Field(
        20, le=500, description="businesses asked for per call of the business search"
    )
    max_results: PositiveInt = Field(
        100, le=500, description="most businesses one LeadFinder search may find"
    )
