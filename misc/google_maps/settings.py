from typing import ClassVar

from pydantic import Field, PositiveFloat, PositiveInt, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class GoogleMapsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GOOGLE_MAPS_")

    service_name: ClassVar[str] = "google_maps"
    port: Port = 5009
    api_key: SecretStr = Field(
        SecretStr(""), description="the platform's Google Maps key; empty answers 503"
    )
    base_url: str = Field("https://maps.googleapis.com", description="Google Maps web services")
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach Google")
    read_timeout_seconds: PositiveFloat = Field(10, description="seconds Google may take to answer")
    cache_seconds: PositiveInt = Field(3600, description="how long an answer is served from Redis")
    daily_requests_per_account: PositiveInt = Field(
        1000, description="requests one account may make per UTC day"
    )
    daily_requests_per_agency: int = Field(
        10_000,
        ge=0,
        description="requests an agency's accounts (its own included) may make together per UTC "
        "day; 0: no limit",
    )
