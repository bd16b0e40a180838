from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class YextPublishersSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="YEXT_PUBLISHERS_")

    service_name: ClassVar[str] = "yext_publishers"
    port: Port = 5006
