from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class ExternalApiSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXTERNAL_API_")

    service_name: ClassVar[str] = "external_api"
    port: Port = 5003
