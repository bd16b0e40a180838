from pathlib import Path
from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


def local(port: int) -> str:
    return f"http://127.0.0.1:{port}"


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_")

    service_name: ClassVar[str] = "gateway"
    port: Port = 5000

    static_dir: Path = Field(
        Path(__file__).parent / "static", description="the dashboard's static build"
    )
    router_url: str = Field(local(5001), description="where /v1/* is passed on")
    platform_hosts: list[str] = Field(
        ["localhost"],
        description="JSON list of the hostnames the dashboard is served on (IP addresses always "
        "are); on any other host, a path outside /v1/ is a custom domain's hosted page",
    )
    connect_timeout_seconds: float = Field(5, gt=0, description="to open a router connection")
    read_timeout_seconds: float = Field(
        120, gt=0, description="the router may be silent this long before we answer 504"
    )
    # What the dashboard's status panel shows: service name -> base URL (JSON in the env).
    status_targets: dict[str, str] = Field(
        {
            "gateway": local(5000),
            "router": local(5001),
            "internal_api": local(5002),
            "external_api": local(5003),
            "callrail_recordings": local(5004),
            "currency": local(5005),
            "yext_publishers": local(5006),
            "yext_publishers_logo": local(5007),
            "notifications": local(5008),
            "google_maps": local(5009),
            "ai_service": local(5010),
            "general_socket": local(4000),
            "conversation_socket": local(6001),
            "queue_manager": local(6002),
            "proxy_server": local(6003),
        },
        description="service name to base URL, for the status panel",
    )
