"""Sends the webhook retries that have come due. A failed attempt records when the next one is
due (`next_attempt_at`, after the configured delays); this cron, every minute, queues those
attempts. Holding each retry as a Celery countdown instead would keep it unacknowledged in a
worker for up to hours, past Redis's visibility timeout, which then hands it out again; and a
worker's restart would drop it. The task id names the attempt, so two sweeps queue it once;
each goes in its endpoint's next paced slot (`webhooks/pacing.py`). Deliveries held while
their account was suspended come due at its reactivation, and are sent from here too."""

from datetime import timedelta

from queue_manager.celery import app
from queue_manager.webhooks import repository
from queue_manager.webhooks.worker import booked_wait, send_in_slot
from shared.models.base import utc_now
from shared.models.webhook_delivery import WebhookDelivery
from shared.utilities.task_names import WEBHOOK_RETRIES_SEND_DUE
from shared.utilities.worker import platform_task

BATCH = 500


@platform_task(app, WEBHOOK_RETRIES_SEND_DUE)
async def send_due() -> int:
    """Queue the next attempt of each pending delivery now due, oldest first; returns how many."""
    deliveries = await repository.due_deliveries(utc_now(), BATCH)
    for delivery in deliveries:
        attempt = sum(not made.manual for made in delivery.attempts) + 1
        wait = await booked_wait(delivery.subscription_id)
        if wait:
            # Not due again before its slot: the next sweeps would queue it twice.
            await repository.postpone(delivery, utc_now() + timedelta(seconds=wait))
        send_in_slot(delivery, attempt_task_id(delivery, attempt), wait)
    return len(deliveries)


def attempt_task_id(delivery: WebhookDelivery, attempt: int) -> str:
    """The attempt's task id; after a hold, a new one (the held attempt's task has run)."""
    held = f".held-{delivery.holds}" if delivery.holds else ""
    return f"{delivery.id}.attempt-{attempt}{held}"
