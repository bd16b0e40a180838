"""One internal_api per test module; the platform's templates seeded again for each test (the
database is emptied after every test, and the app seeds them only when it starts)."""

import pytest

from internal_api.templates.seeding import seed_platform_templates
from tests.factories import create_signed_in
from tests.internal_api.module_app import module_api  # noqa: F401 (a fixture)

TEMPLATES = "/v1/templates"


@pytest.fixture
async def api(module_api, mongo):  # noqa: F811
    await seed_platform_templates()
    return module_api


@pytest.fixture
async def agency_owner(mongo):
    return await create_signed_in()
