import pytest

from internal_api.settings import InternalApiSettings
from internal_api.url_shortener.cache import LinkCache
from internal_api.url_shortener.destinations import platform_hosts
from internal_api.url_shortener.service import Shortener
from shared.domain.short_links.clicks import CLICK_STREAM
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]

LINKS = "/v1/url"
# Literal public addresses and example names: judged without asking DNS.
DESTINATION = "https://shop.example.com/spring?ref=home"


@pytest.fixture
async def clicks(redis):
    """The click stream, emptied before and after the test."""
    await redis.delete(CLICK_STREAM)
    yield CLICK_STREAM
    await redis.delete(CLICK_STREAM)


@pytest.fixture
def shortener(redis, clicks) -> Shortener:
    """What the routes give the service, on the test Redis and the default settings; the clicks
    its lookups record go to an emptied stream."""
    settings = InternalApiSettings()
    cache = LinkCache.configured(redis, settings)
    return Shortener(cache, settings.short_url_base, platform_hosts(settings))


async def make_link(api, signed_in, **overrides):
    body = {"destination": DESTINATION, **overrides}
    return await api.post(LINKS, json=body, headers=signed_in.headers)
