from fastapi import FastAPI

from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: ProxyServerSettings) -> FastAPI:
    return create_service_app(settings, title="Outbound proxy")
