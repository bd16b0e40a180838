"""The Celery tasks' metrics, recorded in whichever process runs a task:

- `celery_tasks_total{task, state}`: attempts ended, by task name and Celery's state (SUCCESS;
  RETRY; FAILURE, which for a platform task means dead-lettered; REJECTED, handed back by a
  stopping worker);
- `celery_task_duration_seconds{task}`: how long an attempt ran;
- `celery_task_queue_wait_seconds{queue}`: from the task's `sent_at` stamp to its start.

A worker forks its pool's processes, so these are prometheus-client's own metric objects, in its
multi-process mode when PROMETHEUS_MULTIPROC_DIR names a directory (one file per process, summed
at scrape time; the Kubernetes workers mount an emptyDir there): the worker's main process then
serves them on WORKER_METRICS_PORT. An embedded worker runs in the queue manager's process, whose
`/metrics` shows them (the process-wide registry, `shared.utilities.metrics.ProcessWide`).
"""

import os
import threading
import time
from typing import Any

from celery import Celery, Task, signals
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    multiprocess,
    start_http_server,
)

from shared.utilities.tasks import SENT_AT, queue_of

TASKS = Counter("celery_tasks", "Task attempts ended, by name and state", ["task", "state"])
DURATION = Histogram(
    "celery_task_duration_seconds",
    "How long a task attempt ran",
    ["task"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
)
QUEUE_WAIT = Histogram(
    "celery_task_queue_wait_seconds",
    "From a task's sending to its start",
    ["queue"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600),
)

# When each running attempt started, by task id (a pool's threads share the process's dict).
_started: dict[str, float] = {}
_lock = threading.Lock()


@signals.task_prerun.connect(weak=False, dispatch_uid="platform-metrics-prerun")
def started(task_id: str, task: Task, **_: Any) -> None:
    now = time.time()
    with _lock:
        _started[task_id] = time.perf_counter()
    sent_at = task.request.get(SENT_AT) or (task.request.headers or {}).get(SENT_AT)
    if isinstance(sent_at, int | float):
        QUEUE_WAIT.labels(queue_of(task.name)).observe(max(0.0, now - sent_at))


@signals.task_postrun.connect(weak=False, dispatch_uid="platform-metrics-postrun")
def ended(task_id: str, task: Task, state: str | None = None, **_: Any) -> None:
    with _lock:
        began = _started.pop(task_id, None)
    TASKS.labels(task.name, state or "UNKNOWN").inc()
    if began is not None:
        DURATION.labels(task.name).observe(time.perf_counter() - began)


def multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def exporter_registry() -> CollectorRegistry:
    """Every process's files summed in multi-process mode; this process's registry otherwise."""
    if not multiprocess_dir():
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def serve_worker_metrics(app: Celery) -> None:
    """The worker's main process serves /metrics on WORKER_METRICS_PORT (0: none), before its
    pool forks; a pool process that ends has its live gauges dropped."""
    settings = app.runtime.settings
    port = settings.worker_metrics_port

    def serve(sender: Any = None, **_: Any) -> None:
        if port and getattr(sender, "app", app) is app:
            start_http_server(port, addr=settings.host, registry=exporter_registry())

    def process_ended(pid: int | None = None, **_: Any) -> None:
        if multiprocess_dir():
            multiprocess.mark_process_dead(pid or os.getpid())

    signals.worker_init.connect(serve, weak=False, dispatch_uid=f"{app.main}-metrics")
    signals.worker_process_shutdown.connect(
        process_ended, weak=False, dispatch_uid="platform-metrics-process-ended"
    )
