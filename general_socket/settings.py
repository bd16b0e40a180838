from typing import ClassVar, Self

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import PemKey, Port, RunMode, ServiceSettings, env_name


class GeneralSocketSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GENERAL_SOCKET_")

    service_name: ClassVar[str] = "general_socket"
    port: Port = 4000

    visitor_token_private_key: PemKey = Field(
        "", description="PEM Ed25519 key signing live-chat visitor tokens; empty: development key"
    )
    visitor_token_seconds: int = Field(
        4 * 3600,
        ge=60,
        le=7 * 24 * 3600,
        description="a visitor reconnecting within this long continues its conversation",
    )
    visitor_writes_per_minute: int = Field(
        30, gt=0, description="messages and identities one visitor may send per minute"
    )
    visitor_writes_per_minute_per_ip: int = Field(
        120, gt=0, description="messages and identities visitors at one address may send"
    )
    visitor_writes_per_minute_per_widget: int = Field(
        1200, gt=0, description="messages and identities all visitors of one widget may send"
    )
    visitor_connections_per_minute_per_ip: int = Field(
        60, gt=0, description="visitor connections one address may open per minute"
    )
    visitor_connections_per_minute_per_widget: int = Field(
        1200, gt=0, description="visitor connections one widget may take per minute"
    )

    @model_validator(mode="after")
    def distributed_mode_needs_a_visitor_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.visitor_token_private_key:
            field = env_name(type(self), "visitor_token_private_key")
            raise ValueError(f"{field} is required in distributed mode")
        return self
