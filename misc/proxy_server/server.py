"""Running the proxy service: the proxy listener on the service port, and the service's FastAPI
app (/health, /ready, /docs) behind it on a loopback port of its own, which the listener passes
origin-form requests on to.

An ASGI server cannot tunnel CONNECT, so the proxy is a plain asyncio server in front of uvicorn
rather than a route of the app.
"""

import socket
import sys

import uvloop

from misc.proxy_server.app import create_app
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities import context
from shared.utilities.logging import configure_logging
from shared.utilities.server import PortInUse, Server, bind, serve_until_signalled, server_for
from shared.utilities.settings import load_settings


def servers(
    settings: ProxyServerSettings, proxy_socket: socket.socket
) -> tuple[Server, socket.socket]:
    """The app's server and the private loopback socket it is to serve on; the app runs the
    proxy listener on the service's socket while it is up."""
    app_socket = bind(settings.service_name, "127.0.0.1", 0)
    app = create_app(settings, proxy_socket, app_socket.getsockname())
    return server_for(app), app_socket


def main() -> None:
    settings = load_settings(ProxyServerSettings)
    configure_logging(settings.log_level)
    context.service_name.set(settings.service_name)
    try:
        proxy_socket = bind(settings.service_name, settings.host, settings.port)
    except PortInUse as error:
        sys.stderr.write(f"{error}\n")
        raise SystemExit(1) from None
    uvloop.run(serve_until_signalled([servers(settings, proxy_socket)]))
