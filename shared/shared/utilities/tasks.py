"""Sending Celery tasks by name from any service, never by importing the queue manager.

A task is named `<queue>.<action>` (`webhook.deliver`), and goes to the queue its name starts
with: the queue manager's QM_* switches turn those queues' consumers on and off. The task id is
the idempotency key: give one that names the effect (a delivery's id) and a task sent twice, or
delivered twice, has its effect once.
"""

import time
from typing import Any

import anyio
from celery import Celery, signals

from shared.utilities import context

# Embedded mode without Redis: Celery's in-memory transport, consumed in the same process.
IN_PROCESS_BROKER = "memory://"


# A header on every task sent: when it was sent (Unix seconds), so a queue's oldest waiting task
# tells how long it has waited.
SENT_AT = "sent_at"


@signals.before_task_publish.connect(weak=False, dispatch_uid="platform-sent-at")
def stamp_sent_at(headers: dict[str, Any], **_: Any) -> None:
    headers[SENT_AT] = time.time()


def queue_of(task_name: str) -> str:
    return task_name.split(".", 1)[0]


def broker_url(redis_url: str) -> str:
    return redis_url or IN_PROCESS_BROKER


class TaskSender:
    """A producer-only Celery app; connects on first send."""

    def __init__(self, redis_url: str) -> None:
        self.celery = Celery("platform", broker=broker_url(redis_url), set_as_current=False)

    def send_now(
        self,
        name: str,
        kwargs: dict[str, Any],
        task_id: str | None = None,
        countdown: float | None = None,
    ) -> str:
        result = self.celery.send_task(
            name,
            kwargs=kwargs,
            queue=queue_of(name),
            task_id=task_id,
            countdown=countdown,
            headers={"x_request_id": context.request_id.get()},
        )
        return result.id

    async def send(
        self,
        name: str,
        kwargs: dict[str, Any],
        task_id: str | None = None,
        countdown: float | None = None,
    ) -> str:
        # Publishing is a blocking socket write; keep it off the event loop.
        return await anyio.to_thread.run_sync(self.send_now, name, kwargs, task_id, countdown)

    def close(self) -> None:
        self.celery.close()
