from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_")

    service_name: ClassVar[str] = "gateway"
    port: Port = 5000
