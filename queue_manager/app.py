from fastapi import FastAPI

from queue_manager.settings import QueueManagerSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: QueueManagerSettings) -> FastAPI:
    return create_service_app(settings, title="Queue manager", uses_mongo=True, uses_redis=True)
