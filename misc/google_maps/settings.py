from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class GoogleMapsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GOOGLE_MAPS_")

    service_name: ClassVar[str] = "google_maps"
    port: Port = 5009
