"""Queue mode: `notifications.send` on the notifications worker runs the same send function.

The task runtime retries a `ProviderUnavailable` with backoff; the delivery's own count of
tries decides when to stop, as in direct mode.
"""

import httpx
from celery import Celery

from notifications.deliveries.sending import send_delivery
from notifications.providers.base import ProviderUnavailable
from notifications.providers.registry import Providers, providers_for
from notifications.settings import MAX_BACKOFF_SECONDS, NotificationsSettings
from shared.utilities.task_names import NOTIFICATIONS_SEND
from shared.utilities.upstream import http_client
from shared.utilities.worker import platform_task


class WorkerProviders:
    """The worker process's providers, made by its first task, on the loop task bodies run on
    (the HTTP client belongs to that loop)."""

    def __init__(
        self, settings: NotificationsSettings, transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self.settings = settings
        self.transport = transport
        self.providers: Providers | None = None

    def get(self) -> Providers:
        if self.providers is None:
            timeouts = self.settings.connect_timeout_seconds, self.settings.read_timeout_seconds
            client = http_client(*timeouts, self.transport)
            self.providers = providers_for(self.settings, client)
        return self.providers


def register_tasks(
    app: Celery,
    settings: NotificationsSettings,
    transport: httpx.AsyncBaseTransport | None = None,
) -> None:
    providers = WorkerProviders(settings, transport)

    @platform_task(
        app,
        NOTIFICATIONS_SEND,
        max_retries=settings.max_attempts,
        backoff_seconds=settings.retry_backoff_seconds,
        max_backoff_seconds=MAX_BACKOFF_SECONDS,
        retry_on=(ProviderUnavailable,),
    )
    async def send(delivery_id: str) -> None:
        """Send one stored delivery (a try; see notifications.deliveries.sending)."""
        await send_delivery(delivery_id, providers.get(), settings.max_attempts)
