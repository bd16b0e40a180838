from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class ProxyServerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PROXY_SERVER_")

    service_name: ClassVar[str] = "proxy_server"
    port: Port = 6003
