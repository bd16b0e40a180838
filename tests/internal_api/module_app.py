"""One internal_api per test module, in-process over ASGI: starting the app (and connecting
its database, which declares every model's indexes) once per module rather than per test is
most of what these tests would cost. The database is emptied after each test (`mongo`).

A module's conftest takes it in place of the per-test app:

    from tests.internal_api.module_app import module_api, start_api

`start_api(**settings)` with settings of its own still starts an app of its own.
"""

from contextlib import nullcontext

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import asgi_client


@pytest.fixture(scope="module")
async def module_api():
    async with asgi_client(create_app(InternalApiSettings())) as client:
        yield client


@pytest.fixture
def start_api(module_api, client_for, mongo):
    """`async with start_api(**internal_api_settings) as client`."""

    def start(**overrides):
        if not overrides:
            return nullcontext(module_api)
        return client_for(create_app(InternalApiSettings(**overrides)))

    return start
