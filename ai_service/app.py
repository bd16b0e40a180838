from fastapi import FastAPI

from ai_service.settings import AiServiceSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: AiServiceSettings) -> FastAPI:
    return create_service_app(settings, title="AI service", uses_mongo=True, uses_redis=True)
