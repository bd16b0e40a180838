"""The reputation and affiliates queues' work with their sibling services faked at the
transport (`siblings`), inside an outbox (`outbox`) holding what they ask for."""

import httpx
import pytest

from queue_manager import siblings as sibling_services
from shared.utilities.auth import authenticator_for
from shared.utilities.settings import ServiceSettings
from shared.utilities.siblings import SiblingService
from tests.external_api.fakes import FakeProviders
from tests.shared.domain.held import holding

EXTERNAL_API = "http://external.test"
NOTIFICATIONS = "http://notifications.test"


@pytest.fixture
async def outbox(mongo):
    async with holding() as held:
        yield held


@pytest.fixture
async def siblings(monkeypatch):
    fake = FakeProviders()
    async with httpx.AsyncClient(transport=fake.transport()) as client:
        authenticator = authenticator_for(ServiceSettings())

        def sibling(url: str, audience: str):
            return lambda: SiblingService(client, url, authenticator, "queue_manager", audience)

        for module in ("queue_manager.reputation.work", "queue_manager.affiliates.tipalti"):
            monkeypatch.setattr(f"{module}.external_api", sibling(EXTERNAL_API, "external_api"))
        monkeypatch.setattr(
            "queue_manager.reputation.work.notifications", sibling(NOTIFICATIONS, "notifications")
        )
        assert sibling_services  # the module whose functions are replaced
        yield fake
