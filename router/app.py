from fastapi import FastAPI

from router.settings import RouterSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: RouterSettings) -> FastAPI:
    return create_service_app(settings, title="Router", uses_mongo=True, uses_redis=True)
