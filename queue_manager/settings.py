from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class QueueManagerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="QUEUE_MANAGER_")

    service_name: ClassVar[str] = "queue_manager"
    port: Port = 6002
