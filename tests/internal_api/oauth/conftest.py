"""One internal_api per module (`tests.internal_api.module_app`), the database emptied after
each test."""

import pytest

from tests.internal_api.module_app import module_api

__all__ = ["module_api"]


@pytest.fixture
async def api(module_api, mongo):
    return module_api
