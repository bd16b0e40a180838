from fastapi import FastAPI

from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.app import create_app as create_service_app


def create_app(settings: ProxyServerSettings) -> FastAPI:
    """The service's own endpoints (/health, /ready, /docs); the proxy itself is in `proxy`."""
    return create_service_app(settings, title="Outbound proxy")
