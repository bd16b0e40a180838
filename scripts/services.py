"""The platform's fifteen services: the one table the supervisor, compose checks and docs use."""

import importlib
import importlib.util
import socket
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from typing import Literal

from shared.utilities.server import Server, server_for
from shared.utilities.settings import ServiceSettings


@dataclass(frozen=True)
class Service:
    module: str  # importable package, run with `python -m <module>`
    port: int
    kind: Literal["http", "socket"] = "http"

    @property
    def folder(self) -> str:
        return self.module.replace(".", "/")

    @property
    def package(self) -> str:
        """The workspace member's distribution name (`uv sync --package <package>`)."""
        return self.module.replace(".", "-").replace("_", "-")

    @property
    def compose_name(self) -> str:
        return self.module.removeprefix("misc.")

    def settings_class(self) -> type[ServiceSettings]:
        module = importlib.import_module(f"{self.module}.settings")
        (settings_class,) = (
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, ServiceSettings)
            and value.__module__ == module.__name__  # not a base it imports
        )
        return settings_class

    def create_app(self, settings: ServiceSettings):
        return importlib.import_module(f"{self.module}.app").create_app(settings)

    def server(
        self, settings: ServiceSettings, sock: socket.socket
    ) -> tuple[Server, socket.socket]:
        """What to serve for this service on its bound socket: its app, or, for a service with a
        listener of its own (the outbound proxy's `server.servers`), what that gives."""
        if importlib.util.find_spec(f"{self.module}.server"):
            return importlib.import_module(f"{self.module}.server").servers(settings, sock)
        return server_for(self.create_app(settings)), sock

    def background(self, settings: ServiceSettings) -> AbstractAsyncContextManager:
        """What the service runs beside its server in embedded mode: its `embedded.running`
        (the queue manager's worker and crons), if it has one."""
        if importlib.util.find_spec(f"{self.module}.embedded"):
            return importlib.import_module(f"{self.module}.embedded").running(settings)
        return nullcontext()


SERVICES: tuple[Service, ...] = (
    Service("gateway", 5000),
    Service("router", 5001),
    Service("internal_api", 5002),
    Service("external_api", 5003),
    Service("misc.callrail_recordings", 5004),
    Service("misc.currency", 5005),
    Service("misc.yext_publishers", 5006),
    Service("misc.yext_publishers_logo", 5007),
    Service("notifications", 5008),
    Service("misc.google_maps", 5009),
    Service("ai_service", 5010),
    Service("general_socket", 4000, "socket"),
    Service("conversation_socket", 6001, "socket"),
    Service("queue_manager", 6002),
    Service("misc.proxy_server", 6003),
)
