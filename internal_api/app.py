from fastapi import FastAPI

from internal_api.settings import InternalApiSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: InternalApiSettings) -> FastAPI:
    return create_service_app(settings, title="Internal API", uses_mongo=True, uses_redis=True)
