from fastapi import FastAPI

from misc.yext_publishers_logo.settings import YextPublishersLogoSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: YextPublishersLogoSettings) -> FastAPI:
    return create_service_app(settings, title="Yext publisher logos", uses_redis=True)
