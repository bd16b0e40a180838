from fastapi import FastAPI

from gateway.settings import GatewaySettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: GatewaySettings) -> FastAPI:
    return create_service_app(settings, title="Gateway")
