from typing import ClassVar

from pydantic import Field, PositiveFloat
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class CallrailRecordingsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CALLRAIL_RECORDINGS_")

    service_name: ClassVar[str] = "callrail_recordings"
    port: Port = 5004
    api_url: str = Field("https://api.callrail.com/v3", description="CallRail's API base URL")
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach CallRail")
    read_timeout_seconds: PositiveFloat = Field(
        30, description="seconds CallRail may stay silent, before answering or mid-recording"
    )
