"""Records, every minute, each queue's depth and oldest waiting task and each worker's
utilisation (`shared.models.queue_snapshot`), read on `/v1/queues/utilization`: the one cron
every deployment runs (QM_SCHEDULE_UTILIZATION_MONITORING is on by default)."""

from queue_manager.celery import app, settings
from queue_manager.monitor.service import take_snapshot
from shared.utilities.redis import create_redis
from shared.utilities.task_names import SCHEDULE_UTILIZATION_MONITORING_RECORD
from shared.utilities.worker import platform_task


@platform_task(app, SCHEDULE_UTILIZATION_MONITORING_RECORD, max_retries=0)
async def record() -> dict:
    """One snapshot; a missed minute is not retried (the next one comes)."""
    redis = create_redis(settings.redis_url)
    try:
        snapshot = await take_snapshot(redis, app)
    finally:
        await redis.aclose()
    return {"queues": len(snapshot.queues), "workers": len(snapshot.workers)}
