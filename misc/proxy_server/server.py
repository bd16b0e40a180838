"""Running the proxy service: the proxy listener on the service port, and the service's FastAPI
app (/health, /ready, /docs) behind it on a loopback port of its own, which the listener passes
origin-form requests on to.

An ASGI server cannot tunnel CONNECT, so the proxy is a plain asyncio server in front of uvicorn
rather than a route of the app.
"""

import asyncio
import socket
import sys

import uvloop

from misc.proxy_server.app import create_app
from misc.proxy_server.proxy import Proxy
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities import context
from shared.utilities.logging import configure_logging
from shared.utilities.server import PortInUse, bind, serve_until_signalled, server_for
from shared.utilities.settings import load_settings


async def serve(settings: ProxyServerSettings, proxy_socket: socket.socket) -> None:
    """Serve until SIGINT or SIGTERM."""
    app_socket = bind(settings.service_name, "127.0.0.1", 0)
    proxy = await asyncio.start_server(Proxy(settings, app_socket.getsockname()), sock=proxy_socket)
    try:
        await serve_until_signalled([(server_for(create_app(settings)), app_socket)])
    finally:
        # Open tunnels are cancelled with the event loop's remaining tasks.
        proxy.close()


def main() -> None:
    settings = load_settings(ProxyServerSettings)
    configure_logging(settings.log_level)
    context.service_name.set(settings.service_name)
    try:
        proxy_socket = bind(settings.service_name, settings.host, settings.port)
    except PortInUse as error:
        sys.stderr.write(f"{error}\n")
        raise SystemExit(1) from None
    uvloop.run(serve(settings, proxy_socket))
