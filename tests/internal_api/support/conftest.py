"""One internal_api per test module (`tests.internal_api.module_app`), with the platform's
support account configured where a test starts its own."""

import pytest

from tests.internal_api.module_app import module_api, start_api  # noqa: F401 (fixtures)

SUPPORT = "/v1/support"
CONVERSATIONS = f"{SUPPORT}/conversations"


@pytest.fixture
async def api(module_api, mongo):  # noqa: F811
    return module_api


def conversation_path(conversation, *rest: str) -> str:
    return "/".join([CONVERSATIONS, str(conversation.id), *rest])
