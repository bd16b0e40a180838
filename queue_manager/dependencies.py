"""What the queue manager's routes are given: its Celery app (a control client made in the
lifespan), the task runtime's claims, a task sender, and the scope its callers need."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from celery import Celery
from fastapi import Depends, FastAPI, Request

from queue_manager.celery import create_celery
from queue_manager.settings import QueueManagerSettings
from shared.utilities.tasks import TaskSender
from shared.utilities.worker.claims import ClaimStore, claim_store

# No agency role carries it: the platform's operators and its services reach these routes.
OPERATE = "platform:operate"
# The services that may call them too: internal_api follows the CSV jobs it queued.
OPERATING_SERVICES = ("internal_api",)


def celery_lifespan(settings: QueueManagerSettings):
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.celery = create_celery(settings)
        # The workers' claims: on the service's Redis, or this process's own without one.
        redis = app.state.redis if settings.redis_url else None
        app.state.claims = claim_store(redis)
        try:
            yield
        finally:
            app.state.celery.close()

    return lifespan


def get_celery(request: Request) -> Celery:
    return request.app.state.celery


def get_claims(request: Request) -> ClaimStore:
    return request.app.state.claims


def get_queue_settings(request: Request) -> QueueManagerSettings:
    return request.app.state.settings


def get_task_sender(request: Request) -> TaskSender:
    return request.app.state.senders.tasks


CeleryApp = Annotated[Celery, Depends(get_celery)]
Claims = Annotated[ClaimStore, Depends(get_claims)]
QueueSettings = Annotated[QueueManagerSettings, Depends(get_queue_settings)]
Tasks = Annotated[TaskSender, Depends(get_task_sender)]
