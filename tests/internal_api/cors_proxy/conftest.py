"""One internal_api per test module with the CORS proxy's hosts faked at its transport (a small
size limit, so a test's resource can pass it), and nothing cached from an earlier test."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import asgi_client
from tests.internal_api.cors_proxy.fake_hosts import FakeHosts

MAX_BYTES = 1024


def proxy_settings(**overrides) -> InternalApiSettings:
    return InternalApiSettings(cors_proxy_max_bytes=MAX_BYTES, **overrides)


@pytest.fixture(scope="module")
def hosts() -> FakeHosts:
    return FakeHosts()


@pytest.fixture(scope="module")
async def module_api(hosts):
    app = create_app(proxy_settings(), cors_proxy_transport=hosts.transport())
    async with asgi_client(app) as client:
        yield client


@pytest.fixture
async def api(module_api, mongo, hosts, redis):
    hosts.reset()
    cached = [key async for key in redis.scan_iter("cors-proxy:*")]
    if cached:
        await redis.delete(*cached)
    return module_api
