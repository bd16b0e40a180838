"""The task runtime: how a service defines Celery tasks that lose nothing and run once.

    app = create_worker_app("queue_manager", settings, queues=["webhook", "hooks"])

    @platform_task(app, WEBHOOK_DELIVER, max_retries=8, retry_on=(httpx.TransportError,))
    async def deliver(delivery_id: str) -> dict:
        await report_progress(1, 2)
        ...
        enqueue_job(HOOKS_DISPATCH, event=...)  # sent only if the body succeeds
        return {"status": 200}  # stored; JSON only

- The app: broker and result backend on `settings.redis_url` (Celery's in-memory transport when it
  is empty, consumed in the same process). A task is acknowledged only after it has run
  (`acks_late`), handed back when its worker process dies (`reject_on_worker_lost`), one at a
  time per process (prefetch 1); Redis redelivers an unacknowledged task after the visibility
  timeout, twice the longest a task may run. The worker consumes exactly `queues` (declared as
  `task_queues`), so `celery -A <service> worker` needs no `-Q`.
- A task is named `<queue>.<action>` and routed to that queue (as `shared.utilities.tasks`
  sends it by name from any service). Its body is an `async def` taking keyword arguments.
- Run once per task id: before the body runs, the task's `TaskRun` record (unique task id) is
  claimed atomically; a completed one makes a second delivery return the stored result without
  running. The claim is a lease renewed while the body runs: a delivery that finds a live lease
  comes back when it would lapse, and the redelivery of a task whose worker died takes it over.
  (The body's effects before a crash are not undone: make them idempotent, e.g. keyed by the
  task id, or do them last.)
- A failure in `retry_on` is retried after an exponential backoff with full jitter (a random
  delay up to `backoff_seconds * 2**(attempt-1)`, at most `max_backoff_seconds`), counting
  attempts in the record; past `max_retries`, or on any other error (`PermanentError` says so
  explicitly), the run is dead and a `DeadLetter` keeps its name, arguments and error to be
  redriven. When the runtime's own records cannot be read or written (MongoDB unreachable), the
  task is sent back with the same backoff, never acknowledged and lost.
- Around the body: the `x-request-id` of the task's headers in the logging context, an outbox
  (`enqueue_job`, `emit`) sent only when the body succeeds, and `report_progress`.
- Bodies run on one event loop per process: a private loop thread started on the first task
  (each prefork child gets its own), connecting MongoDB on it once; or the host's loop when it
  says so with `use_event_loop` (the embedded mode, where the services own the connection).
  Without MONGO_URL each process has its own in-memory database, so "once per task id" holds
  across processes only on a real MongoDB (which distributed mode requires).
"""

import asyncio
import logging
import os
import random
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from celery import Celery, Task, signals
from celery import _state as celery_state
from celery.concurrency.thread import TaskPool as ThreadTaskPool
from celery.worker import WorkController
from kombu import Queue

from shared.utilities import context, db, task_runs
from shared.utilities.logging import configure_logging
from shared.utilities.outbox import Senders, collecting
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import TaskName
from shared.utilities.task_runs import report_progress
from shared.utilities.tasks import IN_PROCESS_BROKER, broker_url, queue_of

__all__ = ["PermanentError", "create_worker_app", "platform_task", "report_progress"]

logger = logging.getLogger(__name__)

LONGEST_TASK_SECONDS = 3600
# How long a claim holds without renewal: a dead worker's task is taken over this long after.
CLAIM_LEASE_SECONDS = 60
# A body that outlives its limit fails (and is retried); Celery's hard limit, a little later,
# only stops a body that blocks its event loop.
HARD_LIMIT_GRACE_SECONDS = 30
IN_PROCESS_STOP_SECONDS = 10
# The exponent of the backoff when the runtime's own records cannot be written stops growing here.
BOOKKEEPING_RETRY_CAP = 8


class PermanentError(Exception):
    """Raised by a body for a failure no retry can fix: the task is dead-lettered at once."""


@dataclass
class WorkerRuntime:
    """What a service's tasks share in a process: its settings, limits and outbox senders."""

    name: str
    settings: ServiceSettings
    longest_task_seconds: float
    lease_seconds: float
    _senders: Senders | None = field(default=None, repr=False)
    _senders_pid: int = 0
    _connecting: asyncio.Future | None = field(default=None, repr=False)
    _connecting_pid: int = 0

    def senders(self) -> Senders:
        if self._senders_pid != os.getpid():
            self._senders = Senders.for_redis(self.settings.redis_url)
            self._senders_pid = os.getpid()
        return self._senders  # type: ignore[return-value]

    async def connect_database(self) -> None:
        """Once per process; bodies started meanwhile wait for the same connection."""
        if _host_loop is not None:
            return
        connecting = self._connecting
        if connecting is None or self._connecting_pid != os.getpid() or failed(connecting):
            connecting = self._connecting = asyncio.ensure_future(
                db.connect(
                    self.settings.mongo_url,
                    initiator=f"{self.name}-worker",
                    options={"maxPoolSize": self.settings.mongo_pool_size},
                    database=self.settings.mongo_db,
                )
            )
            self._connecting_pid = os.getpid()
        await asyncio.shield(connecting)


def failed(future: asyncio.Future) -> bool:
    return future.done() and (future.cancelled() or future.exception() is not None)


def create_worker_app(
    name: str,
    settings: ServiceSettings,
    queues: list[str],
    longest_task_seconds: float = LONGEST_TASK_SECONDS,
) -> Celery:
    """A Celery app consuming exactly `queues`, configured to lose nothing (see the module)."""
    broker = broker_url(settings.redis_url)
    backend = settings.redis_url or "cache+memory://"
    app = Celery(name, broker=broker, backend=backend, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_transport_options=redelivery_options(int(2 * longest_task_seconds) + 1),
        task_time_limit=longest_task_seconds + HARD_LIMIT_GRACE_SECONDS,
        task_queues=[Queue(queue, routing_key=queue) for queue in queues],
        task_default_queue=queues[0] if queues else "celery",
        task_routes=(route_by_name,),
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=24 * 3600,
        result_extended=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    if broker == IN_PROCESS_BROKER:
        app.conf.broker_transport_options = {}
    app.runtime = WorkerRuntime(
        name=name,
        settings=settings,
        longest_task_seconds=longest_task_seconds,
        lease_seconds=min(CLAIM_LEASE_SECONDS, longest_task_seconds),
    )
    use_json_logs(settings.log_level)
    return app


def use_json_logs(level: str) -> None:
    """A worker or beat started by Celery logs through our JSON handler instead of its own."""

    def configure(**_: Any) -> None:
        configure_logging(level)

    # Once per process, however many apps are made (the first one's level holds).
    signals.setup_logging.connect(configure, weak=False, dispatch_uid="platform-json-logs")


def route_by_name(name: str, *args: Any, **kwargs: Any) -> dict[str, str]:
    """Celery router: a task goes to the queue its name starts with."""
    return {"queue": queue_of(name)}


def redelivery_options(visibility_timeout: int) -> dict[str, int]:
    """Redis hands a task on once unacknowledged this long; each worker looks for such tasks
    every few seconds (kombu's default scan, every 100 s, would leave them waiting)."""
    return {
        "visibility_timeout": visibility_timeout,
        "unacked_restore_interval": max(1, min(10, visibility_timeout // 4)),
        "unacked_restore_throttle": 1,
    }


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int
    backoff_seconds: float
    max_backoff_seconds: float
    retry_on: tuple[type[BaseException], ...]

    def delay(self, attempt: int) -> float:
        """Full jitter: anywhere up to the exponential bound, so retries spread out."""
        bound = min(self.backoff_seconds * 2 ** (attempt - 1), self.max_backoff_seconds)
        return random.uniform(0, bound)

    def retries(self, error: BaseException, attempt: int) -> bool:
        return (
            not isinstance(error, PermanentError)
            and isinstance(error, self.retry_on)
            and attempt <= self.max_retries
        )


Body = Callable[..., Awaitable[Any]]


def platform_task(
    app: Celery,
    task_name: TaskName,
    *,
    max_retries: int = 5,
    backoff_seconds: float = 2.0,
    max_backoff_seconds: float = 600.0,
    retry_on: tuple[type[BaseException], ...] = (Exception,),
) -> Callable[[Body], Task]:
    """Register an `async def` body as the declared task (`<queue>.<action>`) on its queue."""
    name = task_name.name
    policy = RetryPolicy(max_retries, backoff_seconds, max_backoff_seconds, retry_on)
    runtime: WorkerRuntime = app.runtime

    def register(body: Body) -> Task:
        # Not shared: the task belongs to this app alone, not to every app made after it.
        @app.task(name=name, bind=True, max_retries=None, shared=False)
        def run(task: Task, **kwargs: Any) -> Any:
            request_id = getattr(task.request, "x_request_id", None) or ""
            try:
                outcome = run_on_body_loop(
                    execute(runtime, policy, name, body, task.request.id, kwargs, request_id)
                )
            except Exception as error:
                # The bookkeeping itself failed (MongoDB unreachable): acknowledging the task
                # now would lose it, so it comes back later, without counting as an attempt.
                logger.exception("task %s %s could not be run", name, task.request.id)
                delay = policy.delay(min(task.request.retries + 1, BOOKKEEPING_RETRY_CAP))
                raise task.retry(countdown=delay, exc=error) from error
            if isinstance(outcome, Retry):
                raise task.retry(countdown=outcome.seconds, exc=outcome.error)
            if isinstance(outcome, BaseException):
                raise outcome
            return outcome

        run.__doc__ = body.__doc__
        return run

    return register


@dataclass(frozen=True)
class Retry:
    seconds: float
    error: BaseException | None = None


async def execute(
    runtime: WorkerRuntime,
    policy: RetryPolicy,
    name: str,
    body: Body,
    task_id: str,
    kwargs: dict[str, Any],
    request_id: str,
) -> Any:
    """Claim, run, record: the result, a Retry, or the error that killed the task."""
    context.request_id.set(request_id)
    context.service_name.set(runtime.name)
    await runtime.connect_database()
    owner = f"{socket.gethostname()}:{os.getpid()}"
    claim = await task_runs.claim(task_id, name, owner, runtime.lease_seconds)
    if isinstance(claim, task_runs.AlreadyDone):
        logger.info("task %s %s already %s", name, task_id, claim.run.status)
        return claim.run.result
    if isinstance(claim, task_runs.HeldElsewhere):
        return Retry(claim.seconds_left + 1)
    attempt = claim.run.attempts
    try:
        async with keeping_lease(runtime, task_id, owner), task_runs.reporting_for(task_id):
            async with asyncio.timeout(runtime.longest_task_seconds):
                async with collecting(runtime.senders()):
                    result = await body(**kwargs)
    except Exception as error:
        described = f"{type(error).__name__}: {error}"
        if policy.retries(error, attempt):
            await task_runs.retrying(task_id, described)
            logger.warning("task %s %s attempt %d failed: %s", name, task_id, attempt, described)
            return Retry(policy.delay(attempt), error)
        await task_runs.bury(task_id, name, kwargs, described, attempt)
        logger.error("task %s %s dead after %d attempts: %s", name, task_id, attempt, described)
        return error
    await task_runs.complete(task_id, result)
    return result


class keeping_lease:
    """Renews the claim while the body runs, so only a dead worker's claim lapses."""

    def __init__(self, runtime: WorkerRuntime, task_id: str, owner: str) -> None:
        self.runtime, self.task_id, self.owner = runtime, task_id, owner
        self.renewer: asyncio.Task | None = None

    async def __aenter__(self) -> None:
        self.renewer = asyncio.create_task(self.renew_forever())

    async def __aexit__(self, *exc_info: object) -> None:
        assert self.renewer is not None
        self.renewer.cancel()

    async def renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self.runtime.lease_seconds / 3)
            try:
                await task_runs.renew(self.task_id, self.owner, self.runtime.lease_seconds)
            except Exception:
                logger.exception("could not renew the claim of task %s", self.task_id)


# The event loop task bodies run on, per process: the host's (embedded mode) or our own thread's.
_host_loop: asyncio.AbstractEventLoop | None = None
_private_loop: asyncio.AbstractEventLoop | None = None
_private_loop_pid = 0
_loop_lock = threading.Lock()


def use_event_loop(loop: asyncio.AbstractEventLoop | None) -> None:
    """Run bodies on the host's loop (which owns the MongoDB connection); None undoes it."""
    global _host_loop
    _host_loop = loop


def body_loop() -> asyncio.AbstractEventLoop:
    global _private_loop, _private_loop_pid
    if _host_loop is not None:
        return _host_loop
    with _loop_lock:
        # A forked child inherits the variable but not the thread: it starts its own.
        if _private_loop is None or _private_loop_pid != os.getpid():
            _private_loop = asyncio.new_event_loop()
            _private_loop_pid = os.getpid()
            threading.Thread(
                target=_private_loop.run_forever, name="task-bodies", daemon=True
            ).start()
        return _private_loop


def run_on_body_loop(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run from a worker thread; blocks that thread (never the loop's) until the body is done."""
    loop = body_loop()
    if loop_is_current(loop):
        coroutine.close()
        raise RuntimeError("a task body cannot be run from its own event loop's thread")
    return asyncio.run_coroutine_threadsafe(coroutine, loop).result()


def loop_is_current(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


class AppThreadPool(ThreadTaskPool):
    """Celery's threads pool, its threads running this app's tasks: Celery looks a task up in
    the thread's current app, which is otherwise the process's default app (another service's,
    when two in-process workers share the process)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.executor = ThreadPoolExecutor(max_workers=self.limit, initializer=self.app.set_current)


@asynccontextmanager
async def running_in_process(app: Celery, concurrency: int = 4) -> AsyncIterator[None]:
    """A worker in a thread of this process (the embedded mode), its bodies on the running
    event loop; the host owns the MongoDB connection. Stopped at the end of the block, once
    the tasks it runs have finished."""
    use_event_loop(asyncio.get_running_loop())
    # A worker marks its process as one where waiting for a result would block a task; the
    # process is the host's again once the worker has gone (as celery.contrib.testing does).
    joins_blocked = celery_state.task_join_will_block()
    worker = WorkController(
        app=app,
        pool=AppThreadPool,
        concurrency=concurrency,
        hostname=f"{app.main}@embedded-{os.getpid()}",
        without_heartbeat=True,
        without_mingle=True,
        without_gossip=True,
    )
    thread = threading.Thread(target=worker.start, name=f"{app.main}-worker", daemon=True)
    thread.start()
    try:
        yield
    finally:
        # Off the loop: stopping waits for running tasks, whose bodies need the loop.
        await asyncio.to_thread(stop_in_process, worker, thread)
        use_event_loop(None)
        celery_state._set_task_join_will_block(joins_blocked)


def stop_in_process(worker: WorkController, thread: threading.Thread) -> None:
    worker.stop(in_sighandler=False)
    thread.join(IN_PROCESS_STOP_SECONDS)
