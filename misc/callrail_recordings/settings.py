from typing import ClassVar, Self

from pydantic import Field, PositiveFloat, model_validator
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, RunMode, ServiceSettings, common


class CallrailRecordingsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CALLRAIL_RECORDINGS_")

    service_name: ClassVar[str] = "callrail_recordings"
    port: Port = 5004
    api_url: str = Field("https://api.callrail.com/v3", description="CallRail's API base URL")
    ctm_api_url: str = Field(
        "https://api.calltrackingmetrics.com/api/v1",
        description="CallTrackingMetrics' API base URL",
    )
    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach CallRail")
    read_timeout_seconds: PositiveFloat = Field(
        30, description="seconds CallRail may stay silent, before answering or mid-recording"
    )
    # The external API seals the accounts' CallRail keys; these keys open them.
    encryption_keys: str = common(
        "INTEGRATIONS_ENCRYPTION_KEYS",
        "",
        "comma-separated Fernet keys sealing provider tokens; the first seals, all open",
    )

    @model_validator(mode="after")
    def distributed_mode_needs_an_encryption_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.encryption_keys:
            raise ValueError("INTEGRATIONS_ENCRYPTION_KEYS is required in distributed mode")
        return self
