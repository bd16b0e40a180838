"""The notifications Celery app, where `celery -A notifications worker` finds it: it consumes
the `notifications` queue, which the service fills in queue mode (NOTIFICATIONS_QUEUE_MODE)."""

import httpx
from celery import Celery

from notifications.deliveries.tasks import register_tasks
from notifications.settings import NotificationsSettings
from shared.utilities.settings import load_settings
from shared.utilities.task_names import NOTIFICATIONS_SEND
from shared.utilities.worker import create_worker_app


def create_celery(
    settings: NotificationsSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Celery:
    """`transport` stands in for the network, in tests."""
    app = create_worker_app("notifications", settings, queues=[NOTIFICATIONS_SEND.queue])
    register_tasks(app, settings, transport)
    return app


# Celery's command line looks for a module-level app.
app = create_celery(load_settings(NotificationsSettings))
