"""The internal API in-process over ASGI, on the test database and the test Redis."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.utilities.redis import create_redis


def settings(**overrides) -> InternalApiSettings:
    return InternalApiSettings(**overrides)


@pytest.fixture
def start_api(client_for, mongo):
    """`async with start_api(**settings) as client`."""

    def start(**overrides):
        return client_for(create_app(settings(**overrides)))

    return start


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


@pytest.fixture
async def redis():
    client = create_redis(settings().redis_url)
    yield client
    await client.aclose()
