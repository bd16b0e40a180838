"""Background jobs and socket emits asked for while handling a request (or running a task) are
held in an outbox and sent only once that work has succeeded, so nothing fires for work that
failed.

Anywhere below a route or a task: `enqueue_job(WEBHOOK_DELIVER, delivery_id=...)` (names declared in
`shared.utilities.task_names`) or
`emit(Socket.GENERAL, "contact:updated", data, account_room(account_id))`. The HTTP services get
an outbox per request from `OutboxMiddleware` (sent when the response is below 400); other code
opens one with `async with collecting(senders):`.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.utilities.realtime import Socket, SocketEmitter
from shared.utilities.task_names import TaskName
from shared.utilities.tasks import TaskSender

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    kwargs: dict[str, Any]
    task_id: str | None = None
    countdown: float | None = None  # seconds before a worker may run it


@dataclass(frozen=True)
class Emit:
    socket: Socket
    event: str
    data: Any
    room: str


@dataclass
class Senders:
    """How an outbox's contents leave the process: Celery for jobs, Redis for emits."""

    tasks: TaskSender
    emitter: SocketEmitter

    @classmethod
    def for_redis(cls, redis_url: str) -> "Senders":
        return cls(tasks=TaskSender(redis_url), emitter=SocketEmitter(redis_url))

    def close(self) -> None:
        self.tasks.close()


@dataclass
class Outbox:
    jobs: list[Job] = field(default_factory=list)
    emits: list[Emit] = field(default_factory=list)
    # Set by `collecting`, for `flush`.
    senders: Senders | None = None

    async def send(self, senders: Senders) -> None:
        """Send everything held; one failed send is logged and does not stop the others."""
        for job in self.jobs:
            try:
                await senders.tasks.send(job.name, job.kwargs, job.task_id, job.countdown)
            except Exception:
                logger.exception("could not enqueue %s", job.name)
        for emit in self.emits:
            try:
                await senders.emitter.emit(emit.socket, emit.event, emit.data, emit.room)
            except Exception:
                logger.exception("could not emit %s", emit.event)
        self.jobs.clear()
        self.emits.clear()


_current: ContextVar[Outbox | None] = ContextVar("outbox", default=None)


def current_outbox() -> Outbox:
    outbox = _current.get()
    if outbox is None:
        raise RuntimeError(
            "No outbox is open: jobs and emits are sent by the request or task that asks for "
            "them; open one with `async with collecting(senders):`."
        )
    return outbox


def enqueue_job(
    task: TaskName, task_id: str | None = None, countdown: float | None = None, **kwargs: Any
) -> None:
    """Hold the task to send (to run no sooner than `countdown` seconds after it is sent); its
    arguments are checked against its declaration now."""
    current_outbox().jobs.append(Job(task.name, task.checked(kwargs), task_id, countdown))


def emit(socket: Socket, event: str, data: Any, room: str) -> None:
    current_outbox().emits.append(Emit(socket, event, data, room))


async def flush() -> None:
    """Send what the outbox opened by `collecting` holds so far: for long work that commits as
    it goes (a job saving its progress), where what is done stands whatever happens next."""
    outbox = current_outbox()
    if outbox.senders is None:
        raise RuntimeError("Only an outbox opened with `collecting(senders)` can be flushed.")
    await outbox.send(outbox.senders)


@asynccontextmanager
async def collecting(senders: Senders) -> AsyncIterator[Outbox]:
    """Hold what is asked for inside the block; send it if the block ends without an error."""
    outbox = Outbox(senders=senders)
    token = _current.set(outbox)
    try:
        yield outbox
    finally:
        _current.reset(token)
    await outbox.send(senders)


class OutboxMiddleware:
    """One outbox per HTTP request, sent once the response has gone out below 400."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        outbox = Outbox()
        token = _current.set(outbox)
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            _current.reset(token)
        if status < 400 and (outbox.jobs or outbox.emits):
            await outbox.send(scope["app"].state.senders)
