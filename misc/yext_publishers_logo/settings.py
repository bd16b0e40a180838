from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class YextPublishersLogoSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="YEXT_PUBLISHERS_LOGO_")

    service_name: ClassVar[str] = "yext_publishers_logo"
    port: Port = 5007
