from fastapi import FastAPI

from queue_manager.dependencies import celery_lifespan
from queue_manager.jobs.routes import router as jobs_router
from queue_manager.monitor.metrics import QueueMetrics
from queue_manager.monitor.routes import router as monitor_router
from queue_manager.settings import QueueManagerSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: QueueManagerSettings) -> FastAPI:
    app = create_service_app(
        settings,
        title="Queue manager",
        routers=[monitor_router, jobs_router],
        uses_mongo=True,
        uses_redis=True,
        sends_work=True,
        lifespans=[celery_lifespan(settings)],
    )
    QueueMetrics.on(app)
    return app
