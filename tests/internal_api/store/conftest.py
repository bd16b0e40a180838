"""One internal_api per test module (`tests.internal_api.module_app`) for the store's routes."""

import pytest

from tests.internal_api.module_app import module_api  # noqa: F401 (a fixture)

STORE = "/v1/store"


@pytest.fixture
async def api(module_api, mongo):  # noqa: F811
    return module_api
