"""One internal_api per module, without the public layer's platform-wide rate limits, and
the external API faked at the transport: it answers the hosts' Google busy times as
`external_api` set them (or that the account has not connected Google Calendar)."""

import json
from dataclasses import dataclass, field

import httpx
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import asgi_client
from tests.internal_api.public.conftest import NO_LIMITS


@dataclass
class FakeExternalApi:
    """`busy`: each calendar's busy intervals (ISO strings); None: not connected; `failing`:
    answers 502. Every request is kept."""

    busy: dict[str, list[dict[str, str]]] | None = None
    failing: bool = False
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failing:
            return httpx.Response(502, json={"error": {"code": "upstream_error"}})
        if self.busy is None:
            return httpx.Response(409, json={"error": {"code": "not_connected"}})
        asked = json.loads(request.content)["calendar_ids"]
        calendars = {cid: {"busy": self.busy.get(cid, []), "errors": []} for cid in asked}
        return httpx.Response(200, json={"calendars": calendars})

    def reset(self) -> None:
        self.busy, self.failing, self.requests = None, False, []


FAKE = FakeExternalApi()


@pytest.fixture(scope="module")
async def module_api():
    app = create_app(
        InternalApiSettings(**NO_LIMITS), external_api_transport=httpx.MockTransport(FAKE.handle)
    )
    async with asgi_client(app) as client:
        yield client


@pytest.fixture
async def api(module_api, mongo):
    return module_api


@pytest.fixture
def external_api():
    FAKE.reset()
    yield FAKE
    FAKE.reset()
