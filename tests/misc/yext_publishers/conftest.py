"""The Yext publishers service in-process, in front of a fake Yext Knowledge API."""

from dataclasses import dataclass, field

import httpx
import pytest

from misc.yext_publishers.app import create_app
from misc.yext_publishers.settings import YextPublishersSettings
from shared.utilities.redis import create_redis
from tests.factories import user_headers

API_KEY = "platform-yext-key"

# Two publishers as Yext documents them (`GET /v2/accounts/me/publishers`).
PUBLISHERS = [
    {
        "id": "GOOGLEMYBUSINESS",
        "name": "Google Business Profile",
        "url": "https://business.google.com",
        "alternateBrands": [{"brandName": "Google Maps", "url": "https://maps.google.com"}],
        "supportedCountries": ["US", "GB"],
        "supportedLocationTypes": ["LOCATION", "HEALTHCARE_PROFESSIONAL"],
        "features": ["LISTINGS", "REVIEW_MONITORING"],
        "typicalUpdateSpeed": 86400,
    },
    {"id": "YELP", "name": "Yelp", "url": "https://www.yelp.com"},
]


@dataclass
class FakeYext:
    """Answers the publishers list like Yext's API, or fails as told; keeps what it was sent."""

    publishers: list[dict] = field(default_factory=lambda: list(PUBLISHERS))
    status: int = 200
    body: dict | None = None  # an answer other than the documented one
    failure: type[httpx.TransportError] | None = None
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failure:
            raise self.failure("Yext is not answering", request=request)
        if self.status != 200:
            errors = [{"code": self.status, "type": "FATAL_ERROR", "message": "Refused."}]
            return httpx.Response(self.status, json={"meta": {"errors": errors}, "response": {}})
        documented = {
            "meta": {"uuid": "0b4c6e4e-6a55-4e0b-8a63-3d5f3c2b1d10", "errors": []},
            "response": {"publishers": self.publishers},
        }
        return httpx.Response(200, json=self.body or documented)


@pytest.fixture
def yext() -> FakeYext:
    return FakeYext()


@pytest.fixture(autouse=True)
async def empty_cache():
    redis = create_redis(YextPublishersSettings().redis_url)
    await redis.delete("yext_publishers:all")
    yield
    await redis.aclose()


@pytest.fixture
def start_service(client_for, yext):
    """`async with start_service(**settings) as client`."""

    def start(**overrides):
        settings = YextPublishersSettings(**{"api_key": API_KEY, **overrides})
        return client_for(create_app(settings, transport=httpx.MockTransport(yext.handle)))

    return start


@pytest.fixture
async def service(start_service):
    async with start_service() as client:
        yield client


@pytest.fixture
def signed_in() -> dict[str, str]:
    return user_headers()
