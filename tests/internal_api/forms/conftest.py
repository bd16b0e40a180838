"""One internal_api per module, without the public layer's platform-wide rate limits (the
tests of one worker share one Redis and one client address); a form's own limits still
count, per form."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import asgi_client
from tests.internal_api.public.conftest import NO_LIMITS


@pytest.fixture(scope="module")
async def module_api():
    async with asgi_client(create_app(InternalApiSettings(**NO_LIMITS))) as client:
        yield client


@pytest.fixture
async def api(module_api, mongo):
    return module_api
