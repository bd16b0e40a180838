from typing import ClassVar

from pydantic import Field, PositiveInt
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class ProxyServerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PROXY_SERVER_")

    service_name: ClassVar[str] = "proxy_server"
    port: Port = 6003

    allowed_hosts: list[str] = Field(
        [
            "api.openai.com",
            "maps.googleapis.com",
            "api.callrail.com",
            "*.yext.com",
            "api.stripe.com",
        ],
        description="JSON list of hosts calls may go to: exact names or `*.example.com`",
    )
    allow_loopback: bool = Field(
        False, description="let calls reach 127.0.0.1 and ::1; for tests and embedded use only"
    )
    max_response_bytes: PositiveInt = Field(
        100 * 1024 * 1024, description="an answer or tunnel carrying more is cut"
    )
    connect_timeout_seconds: float = Field(5, gt=0, description="to open an upstream connection")
    idle_timeout_seconds: float = Field(
        60, gt=0, description="no byte either way this long ends an exchange (504 before an answer)"
    )
    total_timeout_seconds: float = Field(
        600, gt=0, description="no exchange or tunnel lasts longer than this"
    )
