"""What the webhook tasks of a worker process share, one per event loop the bodies run on: the
pooled HTTP client (connections kept per destination, never a client per delivery), the
endpoints' pacer, and the sending of a delivery now or at its paced slot."""

from dataclasses import dataclass

import httpx
from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.webhooks.pacing import Pacer
from queue_manager.webhooks.sending import webhook_client
from queue_manager.webhooks.signing import secret_box
from shared.models.webhook_delivery import WebhookDelivery
from shared.utilities.encryption import SecretBox
from shared.utilities.outbox import enqueue_job
from shared.utilities.redis import create_redis
from shared.utilities.task_names import WEBHOOK_DELIVER
from shared.utilities.worker import PerLoop

clients: PerLoop[httpx.AsyncClient] = PerLoop(
    lambda: webhook_client(settings), close=httpx.AsyncClient.aclose
)
# Opening the sealing keys (Fernet) costs more than a delivery's signature: once per loop.
boxes: PerLoop[SecretBox] = PerLoop(lambda: secret_box(settings))
pacers: PerLoop[Pacer] = PerLoop(
    lambda: Pacer(
        create_redis(settings.redis_url),
        settings.webhook_rate_per_endpoint,
        settings.webhook_burst_per_endpoint,
    ),
    close=Pacer.close,
)


@dataclass(frozen=True)
class Sending:
    client: httpx.AsyncClient
    box: SecretBox
    retry_delays: list[float]


def sending() -> Sending:
    """What this loop's attempts are made with."""
    return Sending(clients.get(), boxes.get(), settings.webhook_retry_delays_seconds)


async def booked_wait(endpoint_id: PydanticObjectId | None) -> float:
    """Book the endpoint's next paced slot: the seconds until it (0: now)."""
    return await pacers.get().wait_seconds(str(endpoint_id))


def send_in_slot(delivery: WebhookDelivery, task_id: str, wait: float) -> None:
    """Queue an attempt at the delivery to run in its booked slot, `wait` seconds from now."""
    enqueue_job(
        WEBHOOK_DELIVER, task_id=task_id, countdown=wait or None, delivery_id=str(delivery.id)
    )
