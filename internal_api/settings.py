from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class InternalApiSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTERNAL_API_")

    service_name: ClassVar[str] = "internal_api"
    port: Port = 5002
