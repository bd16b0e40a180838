"""One internal_api per module, without the public layer's platform-wide rate limits (the
tests of one worker share one Redis and one client address)."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in
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
    return await create_signed_in(await create_account(name="Bakery"))


@pytest.fixture
async def client_user(owner):
    """A client of the account: reads its reports, defines none."""
    return await create_signed_in(owner.account, Role.CLIENT)


@pytest.fixture
async def stranger(mongo):
    """A user of another account."""
    return await create_signed_in()
