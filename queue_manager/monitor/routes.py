"""/v1/queues: the queues with their waiting tasks and consumers, the switches in force, and the
latest utilisation snapshot."""

from fastapi import APIRouter

from queue_manager.dependencies import CeleryApp, QueueSettings
from queue_manager.monitor import service
from queue_manager.monitor.auth import QueuesRead
from queue_manager.monitor.errors import NoSnapshotYet
from queue_manager.monitor.schemas import QueueRead, SwitchRead, UtilizationRead
from shared.models.queue_snapshot import QueueSnapshot
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


@router.get(
    "/utilization",
    summary="The latest snapshot of queue depths, oldest waiting tasks and worker utilisation",
    description="Recorded every minute by the `schedule_utilization_monitoring` cron "
    "(QM_SCHEDULE_UTILIZATION_MONITORING, on by default) and kept a day.",
    response_model=UtilizationRead,
    responses=error_responses(*SIGNED_IN, NoSnapshotYet),
)
async def read_utilization(operator: QueuesRead) -> QueueSnapshot:
    return await service.latest_snapshot()
