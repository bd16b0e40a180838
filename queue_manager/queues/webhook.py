"""Queue `webhook` (QM_WEBHOOK): sending deliveries to customers' endpoints.

`webhook.deliver` makes one attempt (`hooks.dispatch` makes the first itself while the
endpoint's pace allows); its task id names the attempt (the delivery's id for the first,
`<id>.attempt-<n>` for a retry, `<id>.manual-<n>` for a redelivery the account asked for),
so each attempt is made once however often its task is delivered. A failed attempt records when
the next is due, after the configured delay (`QUEUE_MANAGER_WEBHOOK_RETRY_DELAYS_SECONDS`), and
the `webhook_retries` cron sends it then; the runtime's own retries (exponential, jittered) are
kept for unexpected errors, such as the database being away.
"""

from queue_manager.celery import app
from queue_manager.webhooks.delivery import deliver
from queue_manager.webhooks.worker import sending
from shared.utilities.task_names import WEBHOOK_DELIVER
from shared.utilities.worker import platform_task


@platform_task(app, WEBHOOK_DELIVER)
async def deliver_webhook(delivery_id: str, manual: bool = False) -> dict:
    """One attempt at the delivery; a failure with retries left is due again after its delay."""
    means = sending()
    retry = await deliver(delivery_id, means.client, means.box, means.retry_delays, manual)
    return {"retry_in_seconds": retry.seconds if retry else None}
