"""`platform_task`: an `async def` body registered as a declared task, run once per task id.

One delivery of a task, in the usual case: its claim taken in Redis (one round trip, from
Celery's thread), the body
run with an outbox and the request id of whoever sent it, its result recorded in MongoDB (one
insert). Everything else (a retry, a dead letter, a duplicate delivery, a takeover) is the
exception, and pays for what it needs.
"""

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from celery import Celery, Task
from celery.exceptions import Reject

from shared.models.task_run import SETTLED, TaskStatus
from shared.utilities import context
from shared.utilities.outbox import collecting
from shared.utilities.task_names import TaskName
from shared.utilities.worker import repository
from shared.utilities.worker.app import WorkerRuntime, runtime_of
from shared.utilities.worker.claims import Claim, ClaimStore, Outcome, Status
from shared.utilities.worker.loop import handing_back, run_on_body_loop, running_body
from shared.utilities.worker.progress import RunningTask, reporting_for

logger = logging.getLogger(__name__)

# The exponent of the backoff when the runtime's own records cannot be written stops growing here.
BOOKKEEPING_RETRY_CAP = 8


class PermanentError(Exception):
    """Raised by a body for a failure no retry can fix: the task is dead-lettered at once."""


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


@dataclass(frozen=True)
class Done:
    result: Any


@dataclass(frozen=True)
class Retry:
    seconds: float
    error: BaseException | None = None


@dataclass(frozen=True)
class Dead:
    error: BaseException


@dataclass(frozen=True)
class HandBack:
    """The worker is stopping: the task goes back to its queue, its attempt not counted."""


Ending = Done | Retry | Dead | HandBack
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
    runtime = runtime_of(app)

    def register(body: Body) -> Task:
        # Not shared: the task belongs to this app alone, not to every app made after it.
        @app.task(name=name, bind=True, max_retries=None, shared=False)
        def run(task: Task, **kwargs: Any) -> Any:
            delivery = Delivery(runtime, policy, name, body, task.request.id, kwargs)
            request_id = getattr(task.request, "x_request_id", None) or ""
            try:
                claim = runtime.claim_taker().claim(
                    task.request.id, runtime.owner, runtime.lease_seconds
                )
                outcome = run_on_body_loop(delivery.execute(claim, request_id))
            except Exception as error:
                # The bookkeeping itself failed (Redis or MongoDB unreachable): acknowledging
                # the task now would lose it, so it comes back later, not counted as an attempt.
                logger.exception("task %s %s could not be run", name, task.request.id)
                delay = policy.delay(min(task.request.retries + 1, BOOKKEEPING_RETRY_CAP))
                raise task.retry(countdown=delay, exc=error) from error
            match outcome:
                case Done(result):
                    return result
                case Retry(seconds, failure):
                    raise task.retry(countdown=seconds, exc=failure)
                case Dead(fatal):
                    raise fatal
                case HandBack():
                    raise Reject(HandBack.__doc__, requeue=True)

        run.__doc__ = body.__doc__
        return run

    return register


@dataclass
class Delivery:
    """One delivery of a task to this worker."""

    runtime: WorkerRuntime
    policy: RetryPolicy
    name: str
    body: Body
    task_id: str
    kwargs: dict[str, Any]

    async def execute(self, claim: Claim, request_id: str) -> Ending:
        """Run (if the claim says so), record."""
        context.request_id.set(request_id)
        context.service_name.set(self.runtime.name)
        await self.runtime.connect_database()
        claims = self.runtime.claims.get()
        if claim.outcome is not Outcome.NEW:
            seen = await self.seen_before(claims, claim)
            if seen is not None:
                return seen
        if handing_back():  # the worker stopped while this delivery waited to start
            await claims.release(self.task_id, self.runtime.owner, Status.QUEUED, uncount=True)
            return HandBack()
        return await self.run(claims, claim)

    async def seen_before(self, claims: ClaimStore, claim: Claim) -> Ending | None:
        """What to do for a delivery that is not the task's first: the stored result when the
        run is settled, a later look when another worker holds it, None to run it."""
        run = await repository.find_run(self.task_id)
        if run is not None and run.status in SETTLED:
            done = Status.DONE if run.status is TaskStatus.COMPLETED else Status.DEAD
            await claims.settle(self.task_id, done)  # so the next duplicate is told at once
            logger.info("task %s %s already %s", self.name, self.task_id, run.status)
            return Done(run.result)
        if claim.outcome is Outcome.HELD:
            return Retry(claim.seconds_left + 1)
        if claim.outcome is Outcome.SETTLED:  # its record was cleaned up after the retention
            return Done(None)
        return None

    async def run(self, claims: ClaimStore, claim: Claim) -> Ending:
        runtime, attempt = self.runtime, claim.attempts
        leases = runtime.leases.get()
        leases.hold(self.task_id)
        try:
            with running_body(), reporting_for(RunningTask(self.task_id, self.name, attempt)):
                async with asyncio.timeout(runtime.longest_task_seconds):
                    async with collecting(runtime.senders()):
                        result = await self.body(**self.kwargs)
        except asyncio.CancelledError:
            if not handing_back():
                raise
            await claims.release(self.task_id, runtime.owner, Status.QUEUED, uncount=True)
            logger.warning(
                "task %s %s handed back: the worker is stopping", self.name, self.task_id
            )
            return HandBack()
        except Exception as error:
            return await self.failed(claims, error, attempt)
        finally:
            leases.drop(self.task_id)
        first_write = claim.outcome is Outcome.NEW
        await repository.complete(self.task_id, self.name, attempt, result, first_write)
        return Done(result)

    async def failed(self, claims: ClaimStore, error: Exception, attempt: int) -> Ending:
        described = f"{type(error).__name__}: {error}"
        owner = self.runtime.owner
        if self.policy.retries(error, attempt):
            await repository.retrying(self.task_id, self.name, attempt, described)
            await claims.release(self.task_id, owner, Status.RETRYING, uncount=False)
            logger.warning(
                "task %s %s attempt %d failed: %s", self.name, self.task_id, attempt, described
            )
            return Retry(self.policy.delay(attempt), error)
        await repository.bury(self.task_id, self.name, self.kwargs, described, attempt)
        await claims.settle(self.task_id, Status.DEAD)
        logger.error(
            "task %s %s dead after %d attempts: %s", self.name, self.task_id, attempt, described
        )
        return Dead(error)
