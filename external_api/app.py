from fastapi import FastAPI

from external_api.settings import ExternalApiSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: ExternalApiSettings) -> FastAPI:
    return create_service_app(settings, title="External API", uses_mongo=True, uses_redis=True)
