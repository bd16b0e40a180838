"""One internal_api per module, without the public layer's platform-wide rate limits (the
tests of one worker share one Redis and one client address)."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.factories import create_account, create_contact, create_signed_in
from tests.fixtures import asgi_client
from tests.internal_api.public.conftest import NO_LIMITS


@pytest.fixture(scope="module")
async def module_api():
    async with asgi_client(create_app(InternalApiSettings(**NO_LIMITS))) as client:
        yield client


@pytest.fixture
async def api(module_api, mongo):
    return module_api


@pytest.fixture
async def owner(mongo):
    return await create_signed_in(await create_account(name="Acme Marketing"))


@pytest.fixture
async def stranger(mongo):
    """A user of another account."""
    return await create_signed_in()


@pytest.fixture
async def contact(owner):
    return await create_contact(owner.account, first_name="Grace", last_name="Hopper")
