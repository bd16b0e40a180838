from fastapi import FastAPI

from notifications.settings import NotificationsSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: NotificationsSettings) -> FastAPI:
    return create_service_app(settings, title="Notifications", uses_mongo=True, uses_redis=True)
