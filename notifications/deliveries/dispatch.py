"""Handing a stored delivery to its send, once the work that stored it has succeeded.

Direct mode sends in this process, in a tracked background task retried with backoff; queue
mode enqueues `notifications.send` through the outbox (sent only when the request or sweep
succeeds), for the notifications Celery worker. Both run `sending.send_delivery`.
"""

import asyncio
import logging
from typing import Protocol

from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from notifications.deliveries.sending import send_delivery
from notifications.providers.base import ProviderUnavailable
from notifications.providers.registry import Providers
from notifications.settings import MAX_BACKOFF_SECONDS, NotificationsSettings
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import NOTIFICATIONS_SEND

logger = logging.getLogger(__name__)


class Dispatcher(Protocol):
    def dispatch(self, delivery_id: str) -> None: ...

    async def stop(self) -> None: ...


class ThroughQueue:
    def dispatch(self, delivery_id: str) -> None:
        # The delivery's id is the task id: a delivery handed over twice is one task.
        enqueue_job(NOTIFICATIONS_SEND, task_id=delivery_id, delivery_id=delivery_id)

    async def stop(self) -> None:
        return None


class InProcess:
    """Sends in background tasks of this process; those still running are cancelled at stop
    (their deliveries stay `queued`, for the sweep to hand over again)."""

    def __init__(self, providers: Providers, settings: NotificationsSettings) -> None:
        self.providers = providers
        self.max_attempts = settings.max_attempts
        self.backoff_seconds = settings.retry_backoff_seconds
        self.tasks: set[asyncio.Task] = set()

    def dispatch(self, delivery_id: str) -> None:
        task = asyncio.create_task(self.send_with_retries(delivery_id), name=f"send {delivery_id}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def send_with_retries(self, delivery_id: str) -> None:
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(ProviderUnavailable),
            stop=stop_after_attempt(self.max_attempts),
            wait=wait_exponential(multiplier=self.backoff_seconds, max=MAX_BACKOFF_SECONDS),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    await send_delivery(delivery_id, self.providers, self.max_attempts)
        except Exception:
            logger.exception("could not send delivery %s", delivery_id)

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


def dispatcher_for(settings: NotificationsSettings, providers: Providers) -> Dispatcher:
    return ThroughQueue() if settings.queue_mode else InProcess(providers, settings)
