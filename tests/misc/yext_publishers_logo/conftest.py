"""The Yext logos service in-process, in front of a fake logo host."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest

from misc.yext_publishers_logo.app import create_app
from misc.yext_publishers_logo.settings import YextPublishersLogoSettings
from shared.utilities.redis import create_redis
from tests.factories import user_headers

URL_TEMPLATE = "https://logos.example.com/publishers/{publisher_id}.png"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@dataclass
class FakeLogoHost:
    """Serves the logos it holds, 404 for others, or fails as told; keeps what it was sent."""

    logos: dict[str, tuple[str, bytes]] = field(
        default_factory=lambda: {"YELP": ("image/png", PNG)}
    )
    # A streamed logo: chunks handed out one by one, counted as they go.
    streamed: tuple[bytes, int] | None = None
    chunks_sent: int = 0
    status: int = 200  # another status answers every request
    failure: type[httpx.TransportError] | None = None
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failure:
            raise self.failure("the logo host is not answering", request=request)
        if self.status != 200:
            return httpx.Response(self.status, text="Internal Server Error")
        if self.streamed:
            return httpx.Response(200, headers={"content-type": "image/png"}, content=self.chunks())
        publisher_id = request.url.path.removeprefix("/publishers/").removesuffix(".png")
        if publisher_id not in self.logos:
            return httpx.Response(404, text="Not Found")
        content_type, body = self.logos[publisher_id]
        return httpx.Response(200, headers={"content-type": content_type}, content=body)

    async def chunks(self) -> AsyncIterator[bytes]:
        chunk, count = self.streamed
        for _ in range(count):
            self.chunks_sent += 1
            yield chunk


@pytest.fixture
def host() -> FakeLogoHost:
    return FakeLogoHost()


@pytest.fixture(autouse=True)
async def empty_cache():
    redis = create_redis(YextPublishersLogoSettings().redis_url)
    async for key in redis.scan_iter("yext_logos:*"):
        await redis.delete(key)
    yield
    await redis.aclose()


@pytest.fixture
def start_service(client_for, host):
    """`async with start_service(**settings) as client`."""

    def start(**overrides):
        settings = YextPublishersLogoSettings(**{"url_template": URL_TEMPLATE, **overrides})
        return client_for(create_app(settings, transport=httpx.MockTransport(host.handle)))

    return start


@pytest.fixture
async def service(start_service):
    async with start_service() as client:
        yield client


@pytest.fixture
def signed_in() -> dict[str, str]:
    return user_headers()
