"""The task runtime: how a service defines Celery tasks that lose nothing and run once.

    app = create_worker_app("queue_manager", settings, queues=["webhook", "hooks"])

    @platform_task(app, WEBHOOK_DELIVER, max_retries=8, retry_on=(httpx.TransportError,))
    async def deliver(delivery_id: str) -> dict:
        await report_progress(1, 2)
        ...
        enqueue_job(HOOKS_DISPATCH, event=...)  # sent only if the body succeeds
        return {"status": 200}  # stored; JSON only

What it guarantees, and where:
- Nothing lost (`app.py`): acknowledged after running, handed back by a dying worker, redelivered
  by Redis after the visibility timeout; a worker consumes exactly the queues it was made with.
- Once per task id (`claims.py`, `repository.py`): a delivery first claims its task id in Redis
  (one round trip); a settled run makes a later delivery return its stored result without
  running. The claim is a lease, renewed while the body runs (`leases.py`): a delivery that finds
  a live lease comes back when it would lapse, and the redelivery of a task whose worker died
  takes it over. (The body's effects before a crash are not undone: make them idempotent, e.g.
  keyed by the task id, or do them last.)
- Retries and dead letters (`task.py`): a failure in `retry_on` is retried after an exponential
  backoff with full jitter, attempts counted; past `max_retries`, or on any other error
  (`PermanentError` says so explicitly), the run is dead and a `DeadLetter` keeps its name,
  arguments and error to be redriven. When the runtime's own stores cannot be reached, the task
  is sent back with the same backoff, never acknowledged and lost.
- What a run leaves in MongoDB (`repository.py`): its result when it completes (one insert), the
  error of an attempt to be retried, its death, and the progress a body reports
  (`report_progress`, `progress.py`). Nothing else per task touches a database.
- Around the body: the `x-request-id` of the task's headers in the logging context, an outbox
  (`enqueue_job`, `emit`) sent only when the body succeeds.
- Bodies run on one event loop per process (`loop.py`); clients for all of a process's tasks are
  kept per loop (`resources.py`). A stopping worker hands its running tasks back to their queues
  instead of finishing them (`shutdown.py`); the embedded mode's in-process worker
  (`in_process.py`) stops within a bounded time.
Without MONGO_URL each process has its own in-memory database, and without REDIS_URL its own
claims: "once per task id" holds across processes only on a real Redis and MongoDB (which
distributed mode requires).
"""

from shared.utilities.worker.app import create_worker_app
from shared.utilities.worker.in_process import running_in_process
from shared.utilities.worker.loop import use_event_loop
from shared.utilities.worker.progress import report_progress
from shared.utilities.worker.resources import PerLoop
from shared.utilities.worker.task import PermanentError, RetryPolicy, platform_task

__all__ = [
    "PerLoop",
    "PermanentError",
    "RetryPolicy",
    "create_worker_app",
    "platform_task",
    "report_progress",
    "running_in_process",
    "use_event_loop",
]
