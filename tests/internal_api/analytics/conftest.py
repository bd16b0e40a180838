import pytest

from tests.factories import create_account, create_signed_in
from tests.internal_api.module_app import module_api  # noqa: F401  (a fixture)


@pytest.fixture
async def owner(mongo):
    return await create_signed_in(await create_account(name="Bakery"))


@pytest.fixture
async def stranger(mongo):
    return await create_signed_in()
