"""One internal_api per test module (`tests.internal_api.module_app`), and the requests the
projects' tests make."""

import pytest

from tests.internal_api.module_app import module_api  # noqa: F401 (a fixture)

PROJECTS = "/v1/projects"


@pytest.fixture
async def api(module_api, mongo):  # noqa: F811
    return module_api


def tasks_of(project) -> str:
    return f"{PROJECTS}/{project.id}/tasks"
