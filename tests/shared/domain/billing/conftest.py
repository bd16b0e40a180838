"""The test payment provider with the events it tells kept, and an outbox open around each
test (the charges queued, the webhook events published)."""

import pytest

from shared.domain.payments.local_provider import TestPaymentProvider
from shared.utilities.settings import RunMode
from tests.shared.domain.held import holding
from tests.shared.domain.payments.conftest import ToldEvents

RETRY_DAYS = [1, 3, 5]


@pytest.fixture
def told() -> ToldEvents:
    return ToldEvents()


@pytest.fixture
def local(mongo, told) -> TestPaymentProvider:
    return TestPaymentProvider(RunMode.EMBEDDED, events=told)


@pytest.fixture
async def outbox(mongo):
    async with holding() as held:
        yield held


def published(outbox) -> list[str]:
    """The platform's webhook events published, by type."""
    return [job.kwargs["event"]["type"] for job in outbox.jobs if job.name == "hooks.dispatch"]


def queued(outbox, name: str) -> list[str | None]:
    """The task ids queued under a task name."""
    return [job.task_id for job in outbox.jobs if job.name == name]
