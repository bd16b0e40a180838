"""The proxy listener: forward-proxy HTTP for the platform's outbound calls.

One listener on the service port takes three kinds of request:
- `CONNECT host:443` opens a tunnel (HTTPS, the common case for third-party APIs);
- an absolute-form `GET http://host/path` is passed on and its answer streamed back;
- an origin-form `GET /health` is for the service itself, and goes on to its FastAPI app.

A destination must be on the allow-list and resolve to public addresses only (`policy`).
Answers are bounded in size and time (`traffic`), bytes are moved by `relay` over `wire`'s
HTTP, and each proxied request is logged once, with its request id. Plain HTTP is one request
per client connection (`connection: close`): the platform's calls are HTTPS through tunnels, so
keeping plain connections alive is not worth its complexity.
"""

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field

import h11

from misc.proxy_server.policy import allowed_networks
from misc.proxy_server.relay import forward, splice, tunnel
from misc.proxy_server.settings import ProxyServerSettings
from misc.proxy_server.target import Target
from misc.proxy_server.traffic import ResponseTooLarge, Traffic
from misc.proxy_server.wire import REQUEST_ID_HEADER, Peer, answer_error, read_request
from shared.utilities import context
from shared.utilities.addresses import Resolver, checked_addresses, host_allowed, system_resolver
from shared.utilities.errors import (
    BadRequest,
    DomainError,
    Forbidden,
    UpstreamError,
    UpstreamTimeout,
)

logger = logging.getLogger(__name__)


@dataclass
class Exchange:
    """One proxied request, as it is logged."""

    request_id: str
    method: str
    traffic: Traffic
    host: str = ""
    port: int = 0
    status: int = 0  # what the client was answered; 0 until then
    outcome: str = "ok"  # or the error code it ended with
    started: float = field(default_factory=time.perf_counter)

    def answered(self, status: int) -> None:
        self.status = status

    def log(self) -> None:
        logger.info(
            "%s %s:%s %s %s",
            self.method,
            self.host,
            self.port,
            self.status,
            self.outcome,
            extra={
                "request_id": self.request_id,
                "method": self.method,
                "host": self.host,
                "port": self.port,
                "status": self.status,
                "outcome": self.outcome,
                "request_bytes": self.traffic.request_bytes,
                "response_bytes": self.traffic.response_bytes,
                "duration_ms": round((time.perf_counter() - self.started) * 1000, 2),
            },
        )


class Proxy:
    """The proxy's connection handler, for `asyncio.start_server`.

    `app_address` is where the service's own FastAPI app listens; `resolver` is injectable so
    tests can play DNS."""

    def __init__(
        self,
        settings: ProxyServerSettings,
        app_address: tuple[str, int],
        resolver: Resolver = system_resolver,
    ) -> None:
        self.settings = settings
        self.app_address = app_address
        self.resolver = resolver

    async def __call__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client = Peer(reader, writer, h11.Connection(h11.SERVER))
        try:
            request, head = await self.receive_request(client)
            if request is None:
                return
            if is_for_the_app(request):
                await self.pass_to_app(client, head)
            else:
                await self.proxy(client, request)
        except asyncio.CancelledError:
            # The service is stopping. Python 3.11's start_server logs a traceback for a
            # cancelled handler (fixed in 3.12), so the connection just ends here.
            pass
        finally:
            writer.close()

    async def receive_request(self, client: Peer) -> tuple[h11.Request | None, bytes]:
        """The request's head and the bytes it came in; None when the client closes, stays
        silent past the idle timeout, or sends no valid HTTP (answered 400)."""
        try:
            async with asyncio.timeout(self.settings.idle_timeout_seconds):
                return await read_request(client)
        except h11.RemoteProtocolError as error:
            context.request_id.set(uuid.uuid4().hex)
            await answer_error(client, BadRequest(f"The request is malformed: {error}."))
        except (TimeoutError, OSError):
            pass
        return None, b""

    async def pass_to_app(self, client: Peer, head: bytes) -> None:
        """Bytes as they came, both ways: the app answers its own /health, /ready and /docs."""
        traffic = Traffic(self.settings)
        try:
            async with traffic.deadline:
                app_reader, app_writer = await asyncio.open_connection(*self.app_address)
                try:
                    app_writer.write(head)
                    await splice(client, app_reader, app_writer, traffic)
                finally:
                    app_writer.close()
        except (TimeoutError, OSError, ResponseTooLarge):
            pass  # the app logs its requests; an unfinished one is simply cut

    async def proxy(self, client: Peer, request: h11.Request) -> None:
        exchange = Exchange(request_id_of(request), request.method.decode(), Traffic(self.settings))
        context.request_id.set(exchange.request_id)
        try:
            async with exchange.traffic.deadline:
                await self.exchange(client, request, exchange)
        except DomainError as error:
            await refuse_or_cut(client, exchange, error)
        except TimeoutError:
            await refuse_or_cut(client, exchange, UpstreamTimeout())
        except (OSError, h11.ProtocolError) as error:
            await refuse_or_cut(client, exchange, UpstreamError(f"The connection failed: {error}."))
        except asyncio.CancelledError:
            exchange.outcome = "stopped"
            raise
        finally:
            exchange.log()

    async def exchange(self, client: Peer, request: h11.Request, exchange: Exchange) -> None:
        target = Target.of(request)
        exchange.host, exchange.port = target.host, target.port
        if not host_allowed(target.host, self.settings.allowed_hosts):
            raise Forbidden(f"{target.host} is not on the proxy's allow-list.")
        async with asyncio.timeout(self.settings.connect_timeout_seconds):
            upstream = await self.connect(target)
        try:
            if request.method == b"CONNECT":
                await tunnel(client, upstream, exchange.traffic, exchange.answered)
            else:
                await forward(
                    client, request, target, upstream, exchange.traffic, exchange.answered
                )
        finally:
            upstream.writer.close()

    async def connect(self, target: Target) -> Peer:
        """A connection to one of the addresses checked for the target, tried in turn."""
        addresses = await checked_addresses(
            target.host, target.port, self.resolver, allowed_networks(self.settings)
        )
        for address in addresses:
            try:
                reader, writer = await asyncio.open_connection(address, target.port)
            except OSError as error:
                failure = error
            else:
                return Peer(reader, writer, h11.Connection(h11.CLIENT))
        raise UpstreamError(f"{target.host}:{target.port} cannot be reached.") from failure


def is_for_the_app(request: h11.Request) -> bool:
    """An origin-form request (`GET /health`) names no host: it is for this service."""
    return request.method != b"CONNECT" and request.target.startswith(b"/")


def request_id_of(request: h11.Request) -> str:
    for name, value in request.headers:
        if name == REQUEST_ID_HEADER:
            # Bounded, so a caller cannot stuff our logs.
            return value.decode("latin-1")[:128]
    return uuid.uuid4().hex


async def refuse_or_cut(client: Peer, exchange: Exchange, error: DomainError) -> None:
    """Answer the error; once an answer has begun its status is gone, and cutting the connection
    short is the only way left to tell the client."""
    exchange.outcome = error.code
    if exchange.status:
        return
    exchange.status = error.status_code
    await answer_error(client, error)
