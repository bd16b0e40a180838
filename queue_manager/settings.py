from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from queue_manager.switches import QueueSwitches
from shared.utilities.settings import Port, ServiceSettings


class QueueManagerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="QUEUE_MANAGER_")

    service_name: ClassVar[str] = "queue_manager"
    port: Port = 6002

    # Read from their own QM_* variables when the settings are made.
    switches: QueueSwitches = Field(
        default_factory=QueueSwitches, description="which queues and crons run"
    )
