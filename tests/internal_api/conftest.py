"""The internal API in-process over ASGI, on the test database and the test Redis."""

from contextlib import nullcontext

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.utilities.redis import create_redis
from tests.fixtures import asgi_client


def settings(**overrides) -> InternalApiSettings:
    return InternalApiSettings(**overrides)


@pytest.fixture(scope="module")
async def default_api():
    """The app with the default settings, started once per test module: building
    internal_api's 240 routes and starting it costs half a second, which every test taking
    `api` would pay. The database is emptied after each test (`mongo`). Per module, not per
    worker: the app holds a database connection, which tests elsewhere expect closed."""
    async with asgi_client(create_app(settings())) as client:
        yield client


@pytest.fixture
def start_api(default_api, client_for, mongo):
    """`async with start_api(**settings) as client`: the module's app, or one of its own for
    settings of its own."""

    def start(**overrides):
        if not overrides:
            return nullcontext(default_api)
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
