from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class AiServiceSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AI_SERVICE_")

    service_name: ClassVar[str] = "ai_service"
    port: Port = 5010
