"""Starting a service: `python -m <service>` reads its settings, binds its port and serves."""

import asyncio
import contextlib
import signal
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import uvicorn
import uvloop
from starlette.types import ASGIApp

from shared.utilities import context
from shared.utilities.logging import configure_logging
from shared.utilities.settings import ServiceSettings, load_settings

SettingsT = TypeVar("SettingsT", bound=ServiceSettings)

GRACEFUL_SHUTDOWN_SECONDS = 3


class PortInUse(Exception):
    def __init__(self, service: str, host: str, port: int) -> None:
        super().__init__(f"{service}: port {port} on {host} is already in use")


class Server(uvicorn.Server):
    """A uvicorn server that leaves signals to its runner, which stops every server at once.

    uvicorn's own handling re-raises the signal after shutting down, so the process would die
    of SIGTERM instead of exiting 0, and it handles only one server per process.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def bind(service: str, host: str, port: int) -> socket.socket:
    """Bind the service's port now, so a port in use is reported with the service's name."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise PortInUse(service, host, port) from error
    sock.set_inheritable(True)
    return sock


def server_for(app: ASGIApp, host: str = "127.0.0.1", port: int = 0) -> Server:
    """A uvicorn server for the app; `serve(sockets=[...])` on it overrides host and port."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        server_header=False,
        # The client's address is read by shared.utilities.proxy.client_ip, with the proxies
        # the settings trust; uvicorn's own reading would trust its defaults first.
        proxy_headers=False,
    )
    return Server(config)


async def serve_until_signalled(servers: Sequence[tuple[Server, socket.socket]]) -> None:
    """Serve until SIGINT or SIGTERM, then stop every server gracefully."""

    def stop_all() -> None:
        for server, _ in servers:
            server.should_exit = True

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop_all)
    await asyncio.gather(*(server.serve(sockets=[sock]) for server, sock in servers))


def serve(create_app: Callable[[SettingsT], ASGIApp], settings_class: type[SettingsT]) -> None:
    settings = load_settings(settings_class)
    configure_logging(settings.log_level)
    context.service_name.set(settings.service_name)
    try:
        sock = bind(settings.service_name, settings.host, settings.port)
    except PortInUse as error:
        sys.stderr.write(f"{error}\n")
        raise SystemExit(1) from None
    uvloop.run(serve_until_signalled([(server_for(create_app(settings)), sock)]))
