from typing import ClassVar

from pydantic import Field, PositiveFloat, PositiveInt, field_validator
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class YextPublishersLogoSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="YEXT_PUBLISHERS_LOGO_")

    service_name: ClassVar[str] = "yext_publishers_logo"
    port: Port = 5007
    # Yext's publisher records carry no logo, so where logos live is configured.
    url_template: str = Field(
        "", description="a publisher's logo URL, {publisher_id} replaced; empty answers 503"
    )
    max_bytes: PositiveInt = Field(1_000_000, description="a larger logo answers 502")
    cache_seconds: PositiveInt = Field(
        24 * 3600, description="how long a logo is kept, by the service and by browsers"
    )
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach the logo host")
    read_timeout_seconds: PositiveFloat = Field(10, description="seconds the logo host may take")

    @field_validator("url_template")
    @classmethod
    def names_the_publisher(cls, template: str) -> str:
        if template and "{publisher_id}" not in template:
            raise ValueError("must contain {publisher_id}")
        return template
