import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from misc.proxy_server.proxy import Proxy
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.app import create_app as create_service_app


def create_app(
    settings: ProxyServerSettings,
    proxy_socket: socket.socket | None = None,
    app_address: tuple[str, int] | None = None,
) -> FastAPI:
    """The service's own endpoints (/health, /ready, /docs). Given the service's socket and the
    address the app itself is served on, the app also runs the proxy listener for its lifetime,
    passing origin-form requests (/health, ...) on to that address."""
    lifespans = []
    if proxy_socket is not None and app_address is not None:

        @asynccontextmanager
        async def proxy_listener(app: FastAPI) -> AsyncIterator[None]:
            listener = await asyncio.start_server(Proxy(settings, app_address), sock=proxy_socket)
            try:
                yield
            finally:
                # Open tunnels are cancelled with the event loop's remaining tasks.
                listener.close()

        lifespans.append(proxy_listener)
    return create_service_app(settings, title="Outbound proxy", lifespans=lifespans)
