"""The test payment provider for OneBalance's card top-ups, its events kept, not queued."""

import pytest

from shared.domain.payments.local_provider import TestPaymentProvider
from shared.utilities.settings import RunMode


@pytest.fixture
def told() -> list[dict]:
    return []


@pytest.fixture
def payments(mongo, told) -> TestPaymentProvider:
    async def keep(event: dict) -> None:
        told.append(event)

    return TestPaymentProvider(RunMode.EMBEDDED, events=keep)
