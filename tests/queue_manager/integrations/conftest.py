"""Webhook event handlers run directly inside an outbox whose jobs and emits are recorded."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from shared.utilities.outbox import Senders, collecting


@dataclass
class Recorded:
    jobs: list[tuple[str, dict, str | None]] = field(default_factory=list)
    emits: list[tuple[Any, str, Any, str]] = field(default_factory=list)

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.jobs.append((name, kwargs, task_id))
        return task_id or "id"

    async def emit(self, socket, event, data, room) -> None:
        self.emits.append((socket, event, data, room))

    def close(self) -> None:
        pass

    def events(self) -> list[dict]:
        """The platform events published (hooks.dispatch jobs)."""
        return [kwargs["event"] for name, kwargs, _ in self.jobs if name == "hooks.dispatch"]


@pytest.fixture
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture
def run(recorded, mongo) -> Callable:
    """`await run(handle, event)`: the handler's answer, its outbox sent to `recorded`."""

    async def run_handler(handle, event: dict) -> dict:
        async with collecting(Senders(tasks=recorded, emitter=recorded)):
            return await handle(event)

    return run_handler
