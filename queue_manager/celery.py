"""The queue manager's Celery app, where `celery -A queue_manager worker` and `beat` find it.

Made by the shared task runtime (`shared.utilities.worker`: nothing lost, each task id run
once, retries, dead letters). The QM_* switches decide what runs (`queue_manager.layout`): the
worker consumes exactly the queues switched on, beat schedules exactly the crons switched on.
Tasks register on `app` with `@platform_task(app, WEBHOOK_DELIVER)` (names declared in
`shared.utilities.task_names`) in the modules of `queues/` (one per domain), `triggers/` and
`crons/`, which the worker imports at start.
"""

import importlib
import pkgutil

from celery import Celery

from queue_manager.layout import beat_schedule, queues_switched_on
from queue_manager.settings import QueueManagerSettings
from shared.utilities.settings import load_settings
from shared.utilities.worker import create_worker_app

TASK_PACKAGES = ("queue_manager.queues", "queue_manager.triggers", "queue_manager.crons")


def task_modules() -> list[str]:
    """Every module of the task packages: what the worker imports to know the tasks."""
    return [
        f"{package}.{module.name}"
        for package in TASK_PACKAGES
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__)
    ]


def create_celery(settings: QueueManagerSettings) -> Celery:
    celery = create_worker_app(
        "queue_manager",
        settings,
        queues=queues_switched_on(settings.switches),
        longest_task_seconds=settings.task_time_limit_seconds,
        keep_claims_seconds=settings.task_run_retention_seconds,
    )
    celery.conf.beat_schedule = beat_schedule(settings.switches)
    celery.conf.include = task_modules()
    return celery


# Celery's command line looks for a module-level app.
settings = load_settings(QueueManagerSettings)
app = create_celery(settings)
