from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class CallrailRecordingsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CALLRAIL_RECORDINGS_")

    service_name: ClassVar[str] = "callrail_recordings"
    port: Port = 5004
