"""Queue `hooks` (QM_HOOKS): platform events (`shared.utilities.events.publish_event`) fanned
out to the accounts' webhook endpoints."""

from typing import Any

from queue_manager.celery import app
from queue_manager.webhooks.dispatch import create_deliveries
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import HOOKS_DISPATCH, WEBHOOK_DELIVER
from shared.utilities.worker import platform_task


@platform_task(app, HOOKS_DISPATCH)
async def dispatch(event: dict[str, Any]) -> dict:
    """One delivery per endpoint subscribed to the event, each sent as `webhook.deliver` with
    the delivery's id as task id (so a delivery is sent once however often it is fanned out)."""
    deliveries = await create_deliveries(event)
    for delivery in deliveries:
        enqueue_job(WEBHOOK_DELIVER, task_id=str(delivery.id), delivery_id=str(delivery.id))
    return {"deliveries": [str(delivery.id) for delivery in deliveries]}
