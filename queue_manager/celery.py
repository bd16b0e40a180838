"""The queue manager's Celery app, where `celery -A queue_manager worker` and `beat` find it.

Configured to lose nothing: a task is acknowledged only once it has run (acks_late) and is
handed back when its worker dies (reject_on_worker_lost); Redis redelivers an unacknowledged
task only after the visibility timeout, which is longer than the longest task may run.
"""

from celery import Celery

from queue_manager.settings import QueueManagerSettings
from shared.utilities.settings import load_settings

LONGEST_TASK_SECONDS = 3600


def create_celery(settings: QueueManagerSettings) -> Celery:
    celery = Celery("queue_manager", broker=settings.redis_url, backend=settings.redis_url)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # One task at a time per process, so a dying worker hands back at most that one.
        worker_prefetch_multiplier=1,
        broker_transport_options={"visibility_timeout": 2 * LONGEST_TASK_SECONDS},
        task_time_limit=LONGEST_TASK_SECONDS,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=24 * 3600,
        broker_connection_retry_on_startup=True,
        # Our JSON logging stays in place.
        worker_hijack_root_logger=False,
    )
    return celery


# Celery's command line looks for a module-level app.
app = create_celery(load_settings(QueueManagerSettings))
