from typing import Annotated

from pydantic import Field

from shared.utilities.settings import ServiceSettings, common


class InstaReportSettings(ServiceSettings):
    outbound_proxy_url: str = common(
        "OUTBOUND_PROXY_URL",
        "http://127.0.0.1:6003",
        "the outbound proxy (misc/proxy_server) InstaReports fetch prospects' websites through; "
        "its PROXY_SERVER_ALLOWED_HOSTS must let the audited websites through",
    )
    instareport_fetch_seconds: Annotated[float, Field(gt=0, le=60)] = common(
        "INSTAREPORT_FETCH_SECONDS", 10, "how long an InstaReport waits for a prospect's website"
    )
