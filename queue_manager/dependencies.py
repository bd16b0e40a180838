"""What the queue manager's routes are given: its Celery app (a control client made in the
lifespan) and the caller, who must operate the platform."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from celery import Celery
from fastapi import Depends, FastAPI, Request

from queue_manager.celery import create_celery
from queue_manager.settings import QueueManagerSettings
from shared.utilities.auth import Principal, requires
from shared.utilities.tasks import TaskSender

# No agency role carries it: the platform's operators and its services reach these routes.
OPERATE = "platform:operate"
# internal_api follows the CSV jobs it queued.
Operator = Annotated[Principal, Depends(requires(OPERATE, services=("internal_api",)))]


def celery_lifespan(settings: QueueManagerSettings):
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.celery = create_celery(settings)
        try:
            yield
        finally:
            app.state.celery.close()

    return lifespan


def get_celery(request: Request) -> Celery:
    return request.app.state.celery


def get_queue_settings(request: Request) -> QueueManagerSettings:
    return request.app.state.settings


CeleryApp = Annotated[Celery, Depends(get_celery)]
QueueSettings = Annotated[QueueManagerSettings, Depends(get_queue_settings)]


def get_task_sender(request: Request) -> TaskSender:
    return request.app.state.senders.tasks


Tasks = Annotated[TaskSender, Depends(get_task_sender)]
