from typing import ClassVar

from pydantic import Field, PositiveFloat
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class YextPublishersSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="YEXT_PUBLISHERS_")

    service_name: ClassVar[str] = "yext_publishers"
    port: Port = 5006
    api_key: str = Field("", description="the platform's Yext API key; empty answers 503")
    api_url: str = Field("https://api.yextapis.com/v2", description="Yext's API base URL")
    # Yext answers in the shape of the API version the request names (`v=YYYYMMDD`).
    api_version: str = Field("20240101", pattern=r"^\d{8}$", description="Yext API version date")
    refresh_seconds: PositiveFloat = Field(
        6 * 3600, description="how often the publishers list is fetched again"
    )
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach Yext")
    read_timeout_seconds: PositiveFloat = Field(20, description="seconds Yext may take to answer")
