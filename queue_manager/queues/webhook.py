"""Queue `webhook` (QM_WEBHOOK): sending deliveries to customers' endpoints.

`webhook.deliver` makes one attempt; its task id names the attempt (the delivery's id for the
first, `<id>.attempt-<n>` for a retry, `<id>.manual-<n>` for a redelivery the account asked for),
so each attempt is made once however often its task is delivered. A failed attempt schedules
the next one itself, after the configured delay (`QUEUE_MANAGER_WEBHOOK_RETRY_DELAYS_SECONDS`):
the runtime's own retries (exponential, jittered) are kept for unexpected errors, such as the
database being away.
"""

import anyio

from queue_manager.celery import app, settings
from queue_manager.webhooks.delivery import Retry, deliver
from queue_manager.webhooks.sending import webhook_client
from queue_manager.webhooks.signing import secret_box
from shared.utilities import context
from shared.utilities.worker import platform_task


@platform_task(app, "webhook.deliver")
async def deliver_webhook(delivery_id: str, manual: bool = False) -> dict:
    """One attempt at the delivery; a failure with retries left schedules the next."""
    box, delays = secret_box(settings), settings.webhook_retry_delays_seconds
    async with webhook_client(settings) as client:
        retry = await deliver(delivery_id, client, box, delays, manual)
    if retry:
        await schedule(delivery_id, retry)
    return {"retry_in_seconds": retry.seconds if retry else None}


async def schedule(delivery_id: str, retry: Retry) -> None:
    # Sent now with a countdown, not through the outbox, which has no delay; publishing
    # blocks on the broker's socket, so it runs off the event loop. The attempt is already
    # logged: should this fail, the runtime runs the task again, which makes one attempt more.
    await anyio.to_thread.run_sync(
        lambda: deliver_webhook.apply_async(
            kwargs={"delivery_id": delivery_id},
            task_id=f"{delivery_id}.attempt-{retry.attempt}",
            countdown=retry.seconds,
            headers={"x_request_id": context.request_id.get()},
        )
    )
