"""The domain layer runs inside the outbox of whatever calls it (a request, a task): here, one
open around each test, holding what was asked for (`outbox.jobs`, `outbox.emits`)."""

import pytest

from shared.utilities.outbox import Outbox
from tests.shared.domain.held import holding


@pytest.fixture
async def outbox(mongo) -> Outbox:
    async with holding() as held:
        yield held
