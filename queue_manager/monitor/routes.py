"""/v1/queues: the queues with their waiting tasks and consumers, and the switches in force."""

from fastapi import APIRouter

from queue_manager.dependencies import CeleryApp, QueueSettings
from queue_manager.monitor import service
from queue_manager.monitor.auth import QueuesRead
from queue_manager.monitor.schemas import QueueRead, SwitchRead
from shared.utilities.app import RedisClient
from shared.utilities.errors import SIGNED_IN, error_responses

router = APIRouter(prefix="/v1/queues", tags=["queues"])


@router.get(
    "",
    summary="Every queue: switched on or not, tasks waiting, workers consuming it",
    responses=error_responses(*SIGNED_IN),
)
async def list_queues(
    operator: QueuesRead, settings: QueueSettings, redis: RedisClient, celery: CeleryApp
) -> list[QueueRead]:
    return await service.queues(settings.switches, redis, celery)


@router.get(
    "/switches",
    summary="The QM_* switches in force in this process",
    responses=error_responses(*SIGNED_IN),
)
async def list_switches(operator: QueuesRead, settings: QueueSettings) -> list[SwitchRead]:
    return service.switches(settings.switches)
