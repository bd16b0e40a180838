from fastapi import FastAPI

from misc.yext_publishers.settings import YextPublishersSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: YextPublishersSettings) -> FastAPI:
    return create_service_app(settings, title="Yext publishers", uses_redis=True)
