"""An outbox open around domain code, and what it held, read back by tests."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from shared.utilities.outbox import Emit, Job, Outbox, Senders, collecting
from shared.utilities.task_names import PLATFORM_MESSAGES_SEND


class Discarded:
    """Senders that send nothing: the tests read what the outbox held instead."""

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        return task_id or ""

    async def emit(self, socket, event, data, room) -> None:
        pass


@asynccontextmanager
async def holding() -> AsyncIterator[Outbox]:
    """An outbox as a request or a task opens one, its contents discarded once read."""
    discarded = Discarded()
    async with collecting(Senders(tasks=discarded, emitter=discarded)) as held:  # type: ignore[arg-type]
        yield held


class Recorded:
    """Senders that keep what was sent, in `jobs` and `emits` as an outbox holds them: for work
    that sends as it goes (`flush`), where the outbox is empty once it is done."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.emits: list[Emit] = []

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.jobs.append(Job(name, kwargs, task_id, countdown))
        return task_id or ""

    async def emit(self, socket, event, data, room) -> None:
        self.emits.append(Emit(socket, event, data, room))


@asynccontextmanager
async def recording() -> AsyncIterator[Recorded]:
    """An outbox as a task opens one, everything it sends recorded."""
    recorded = Recorded()
    async with collecting(Senders(tasks=recorded, emitter=recorded)):  # type: ignore[arg-type]
        yield recorded


def events(outbox: Outbox | Recorded) -> list[dict]:
    """The platform events published (`hooks.dispatch` jobs), in order."""
    return [job.kwargs["event"] for job in outbox.jobs if job.name == "hooks.dispatch"]


def emitted(outbox: Outbox | Recorded) -> list[tuple[str, dict]]:
    """The socket events asked for, in order: (event, data)."""
    return [(emit.event, emit.data) for emit in outbox.emits]


def platform_messages(outbox: Outbox | Recorded) -> list[tuple[str, str, str | None]]:
    """The platform's own messages asked for, in order: (event, channel, user id or address)."""
    return [
        (job.kwargs["event"], job.kwargs["channel"], job.kwargs["user_id"] or job.kwargs["to"])
        for job in outbox.jobs
        if job.name == PLATFORM_MESSAGES_SEND.name
    ]
