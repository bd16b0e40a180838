from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class GeneralSocketSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GENERAL_SOCKET_")

    service_name: ClassVar[str] = "general_socket"
    port: Port = 4000
