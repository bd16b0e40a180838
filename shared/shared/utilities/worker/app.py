"""A service's Celery app, configured to lose nothing, and what its tasks share in a process.

Broker and result backend on `settings.redis_url` (Celery's in-memory transport when it is
empty, consumed in the same process). A task is acknowledged only after it has run
(`acks_late`), handed back when its worker process dies (`reject_on_worker_lost`), one at a time
per process (prefetch 1); Redis redelivers an unacknowledged task after the visibility timeout,
twice the longest a task may run. The worker consumes exactly `queues` (declared as
`task_queues`), so `celery -A <service> worker` needs no `-Q`; started with none, it says so and
exits with status 2.
"""

import asyncio
import logging
import os
import socket
import sys
from dataclasses import dataclass, field
from typing import Any

from celery import Celery, signals
from kombu import Queue

from shared.utilities import db, tracing
from shared.utilities.logging import configure_logging
from shared.utilities.outbox import Senders
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_metrics import serve_worker_metrics
from shared.utilities.tasks import IN_PROCESS_BROKER, broker_url, queue_of
from shared.utilities.worker import shutdown
from shared.utilities.worker.claims import ClaimStore, ClaimTaker, claim_store, claim_taker
from shared.utilities.worker.leases import LeaseKeeper
from shared.utilities.worker.loop import uses_host_loop
from shared.utilities.worker.resources import PerLoop

logger = logging.getLogger(__name__)

LONGEST_TASK_SECONDS = 3600
# How long a claim holds without renewal: a dead worker's task is taken over this long after.
CLAIM_LEASE_SECONDS = 60
# How long a task id is remembered after its claim: a task sent again within it does not run.
KEEP_CLAIMS_SECONDS = 7 * 24 * 3600
# A body that outlives its limit fails (and is retried); Celery's hard limit, a little later,
# only stops a body that blocks its event loop.
HARD_LIMIT_GRACE_SECONDS = 30
NOTHING_TO_CONSUME = 2  # the exit status of a worker started with no queue switched on


@dataclass
class WorkerRuntime:
    """What a service's tasks share in a process: settings, limits, and per-loop clients."""

    name: str
    settings: ServiceSettings
    longest_task_seconds: float
    lease_seconds: float
    keep_claims_seconds: int
    claims: PerLoop[ClaimStore] = field(init=False, repr=False)
    _taker: ClaimTaker | None = field(default=None, repr=False)
    _taker_pid: int = 0
    leases: PerLoop[LeaseKeeper] = field(init=False, repr=False)
    _senders: Senders | None = field(default=None, repr=False)
    _senders_pid: int = 0
    _connecting: asyncio.Future | None = field(default=None, repr=False)
    _connecting_pid: int = 0

    def __post_init__(self) -> None:
        self.claims = PerLoop(self.make_claims, close=lambda store: store.close())
        self.leases = PerLoop(self.make_leases, close=LeaseKeeper.close)

    @property
    def owner(self) -> str:
        """This process, as the holder of a claim."""
        return f"{socket.gethostname()}:{os.getpid()}"

    def make_claims(self) -> ClaimStore:
        redis_url = self.settings.redis_url
        return claim_store(create_redis(redis_url) if redis_url else None)

    def claim_taker(self) -> ClaimTaker:
        """The process's, shared by its pool threads (a forked child makes its own)."""
        if self._taker is None or self._taker_pid != os.getpid():
            self._taker = claim_taker(self.settings.redis_url, self.keep_claims_seconds)
            self._taker_pid = os.getpid()
        return self._taker

    def make_leases(self) -> LeaseKeeper:
        return LeaseKeeper(self.claims.get(), self.owner, self.lease_seconds)

    def senders(self) -> Senders:
        if self._senders is None or self._senders_pid != os.getpid():
            self._senders = Senders.for_redis(self.settings.redis_url)
            self._senders_pid = os.getpid()
        return self._senders

    async def connect_database(self) -> None:
        """Once per process; bodies started meanwhile wait for the same connection. On the
        host's loop the host owns the connection."""
        if uses_host_loop():
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


def runtime_of(app: Celery) -> WorkerRuntime:
    return app.runtime


def create_worker_app(
    name: str,
    settings: ServiceSettings,
    queues: list[str],
    longest_task_seconds: float = LONGEST_TASK_SECONDS,
    keep_claims_seconds: int = KEEP_CLAIMS_SECONDS,
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
        keep_claims_seconds=keep_claims_seconds,
    )
    use_json_logs(settings.log_level)
    tracing.start(name, settings.otlp_endpoint)
    refuse_a_worker_with_nothing_to_consume(app)
    shutdown.install()
    serve_worker_metrics(app)
    return app


def use_json_logs(level: str) -> None:
    """A worker or beat started by Celery logs through our JSON handler instead of its own."""

    def configure(**_: Any) -> None:
        configure_logging(level)

    # Once per process, however many apps are made (the first one's level holds).
    signals.setup_logging.connect(configure, weak=False, dispatch_uid="platform-json-logs")


def refuse_a_worker_with_nothing_to_consume(app: Celery) -> None:
    """`celery -A <service> worker` with every queue switched off (and no `-Q`) would wait for
    nothing forever, looking healthy: it says why and exits instead."""

    def check(sender: str, instance: Any, options: dict[str, Any], **_: Any) -> None:
        if instance.app is app and not app.conf.task_queues and not options.get("queues"):
            sys.stderr.write(
                f"{app.main}: no queue is switched on, so this worker has nothing to consume; "
                "switch on the queues it should run (QM_* variables)\n"
            )
            raise SystemExit(NOTHING_TO_CONSUME)

    signals.celeryd_init.connect(check, weak=False, dispatch_uid=f"{app.main}-{id(app)}-queues")


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
