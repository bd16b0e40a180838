"""The proxy listener: forward-proxy HTTP for the platform's outbound calls.

One listener on the service port takes three kinds of request:
- `CONNECT host:443` opens a tunnel (HTTPS, the common case for third-party APIs);
- an absolute-form `GET http://host/path` is passed on and its answer streamed back;
- an origin-form `GET /health` is for the service itself, and goes on to its FastAPI app.

A destination must be on the allow-list and resolve to public addresses only (see `policy`).
Answers are bounded in size and time, and each proxied request is logged once, with its request
id. Plain HTTP is one request per client connection (`connection: close`): the platform's calls
are HTTPS through tunnels, so keeping plain connections alive is not worth its complexity.
"""

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urlsplit

import h11

from misc.proxy_server.policy import allowed_networks, host_allowed
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities import context
from shared.utilities.addresses import Resolver, checked_addresses, system_resolver
from shared.utilities.errors import (
    BadRequest,
    DomainError,
    Forbidden,
    UpstreamError,
    UpstreamTimeout,
    error_payload,
)

logger = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024
REQUEST_ID_HEADER = b"x-request-id"
# Meaningful for one connection only (RFC 9110 7.6.1). Content-Length and Transfer-Encoding stay:
# h11 frames the body on each hop by them.
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"upgrade",
    }
)

Headers = Iterable[tuple[bytes, bytes]]


class ResponseTooLarge(UpstreamError):
    code, message = "response_too_large", "The upstream's answer is larger than the proxy allows."


@dataclass
class Peer:
    """One end of an exchange: its byte stream and the HTTP state h11 keeps for it."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    http: h11.Connection


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    authority: bytes  # the Host header upstream
    path: bytes  # path and query to ask upstream; empty for a tunnel

    @classmethod
    def of(cls, request: h11.Request) -> "Target":
        target = request.target.decode("latin-1")
        tunnel = request.method == b"CONNECT"
        url = urlsplit("//" + target if tunnel else target)
        if not tunnel and url.scheme != "http":
            raise BadRequest("Only http:// URLs are passed on; https goes through CONNECT.")
        try:
            port = url.port or (None if tunnel else 80)
        except ValueError:
            port = None
        if not url.hostname or port is None:
            raise BadRequest(f"{target} names no host and port to connect to.")
        path = "" if tunnel else (url.path or "/") + (f"?{url.query}" if url.query else "")
        authority = url.netloc.rpartition("@")[2]  # never pass credentials in a URL on
        return cls(url.hostname, port, authority.encode(), path.encode())


class Traffic:
    """The bytes one exchange moves, within bounds: no more than `max_response_bytes` towards
    the client, no silence longer than the idle timeout, no longer than the total timeout.

    `deadline` is entered around the exchange and pushed back each time bytes move."""

    def __init__(self, settings: ProxyServerSettings) -> None:
        now = asyncio.get_running_loop().time()
        self.idle_seconds = settings.idle_timeout_seconds
        self.latest = now + settings.total_timeout_seconds
        self.max_response_bytes = settings.max_response_bytes
        self.deadline = asyncio.timeout_at(min(now + self.idle_seconds, self.latest))
        self.request_bytes = 0
        self.response_bytes = 0

    def moved(self) -> None:
        now = asyncio.get_running_loop().time()
        self.deadline.reschedule(min(now + self.idle_seconds, self.latest))

    def up(self, size: int) -> None:
        """`size` bytes went from the client towards the upstream."""
        self.request_bytes += size
        self.moved()

    def down(self, size: int) -> None:
        """`size` bytes went from the upstream towards the client."""
        self.response_bytes += size
        if self.response_bytes > self.max_response_bytes:
            raise ResponseTooLarge()
        self.moved()


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
                await tunnel(client, upstream, exchange)
            else:
                await forward(client, request, target, upstream, exchange)
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


async def read_request(client: Peer) -> tuple[h11.Request | None, bytes]:
    """The request's head, and the bytes it came in (the app is handed them as they are);
    None when the client closed without asking anything."""
    received = bytearray()
    while (event := client.http.next_event()) is h11.NEED_DATA:
        data = await client.reader.read(CHUNK_BYTES)
        received += data
        client.http.receive_data(data)
    return (event if isinstance(event, h11.Request) else None), bytes(received)


async def next_event(peer: Peer, traffic: Traffic) -> h11.Event:
    while (event := peer.http.next_event()) is h11.NEED_DATA:
        peer.http.receive_data(await peer.reader.read(CHUNK_BYTES))
        traffic.moved()
    return event


async def send(peer: Peer, *events: h11.Event) -> None:
    for event in events:
        peer.writer.write(peer.http.send(event) or b"")
    await peer.writer.drain()


def end_to_end(headers: Headers) -> list[tuple[bytes, bytes]]:
    """The headers to pass on: not hop-by-hop, nor named by the Connection header."""
    headers = list(headers)
    named_by_connection = {
        token.strip().lower()
        for name, value in headers
        if name == b"connection"
        for token in value.split(b",")
    }
    return [
        (name, value)
        for name, value in headers
        if name not in HOP_BY_HOP and name not in named_by_connection
    ]


async def tunnel(client: Peer, upstream: Peer, exchange: Exchange) -> None:
    """Answer the CONNECT, then carry bytes both ways until both ends are done."""
    traffic = exchange.traffic
    if not isinstance(await next_event(client, traffic), h11.EndOfMessage):
        raise BadRequest("A CONNECT request carries no body.")
    await send(client, h11.Response(status_code=200, reason=b"Connection established", headers=[]))
    exchange.status = 200
    sent_early, _ = client.http.trailing_data  # what the client sent right behind its CONNECT
    if sent_early:
        traffic.up(len(sent_early))
        upstream.writer.write(sent_early)
    await splice(client, upstream.reader, upstream.writer, traffic)


async def splice(
    client: Peer,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    traffic: Traffic,
) -> None:
    """Carry bytes between the client and the other end (`reader`, `writer`) both ways, until
    both directions have ended or one of them fails."""
    relays = [
        asyncio.create_task(relay(client.reader, writer, traffic.up)),
        asyncio.create_task(relay(reader, client.writer, traffic.down)),
    ]
    try:
        await asyncio.gather(*relays)
    finally:
        for task in relays:
            task.cancel()
        await asyncio.gather(*relays, return_exceptions=True)


async def relay(
    source: asyncio.StreamReader, sink: asyncio.StreamWriter, count: Callable[[int], None]
) -> None:
    """Copy one direction until its end, then pass the end on (a half-close), so the other
    direction can still finish."""
    while data := await source.read(CHUNK_BYTES):
        count(len(data))
        sink.write(data)
        await sink.drain()
    if sink.can_write_eof():
        sink.write_eof()


async def forward(
    client: Peer, request: h11.Request, target: Target, upstream: Peer, exchange: Exchange
) -> None:
    """Ask the upstream in origin-form and stream its answer back."""
    traffic = exchange.traffic
    headers = [(name, value) for name, value in end_to_end(request.headers) if name != b"host"]
    upstream_request = h11.Request(
        method=request.method,
        target=target.path,
        headers=[(b"host", target.authority), *headers, (b"connection", b"close")],
    )
    await send(upstream, upstream_request)
    while isinstance(event := await next_event(client, traffic), h11.Data):
        traffic.up(len(event.data))
        await send(upstream, event)
    await send(upstream, h11.EndOfMessage())

    while isinstance(answer := await next_event(upstream, traffic), h11.InformationalResponse):
        pass  # a `100 Continue` is for the hop that asked for it
    if not isinstance(answer, h11.Response):
        raise UpstreamError("The upstream closed without answering.")
    declared = (int(value) for name, value in answer.headers if name == b"content-length")
    if next(declared, 0) > traffic.max_response_bytes:
        raise ResponseTooLarge()
    await send(
        client,
        h11.Response(
            status_code=answer.status_code,
            reason=answer.reason,
            headers=[*end_to_end(answer.headers), (b"connection", b"close")],
        ),
    )
    exchange.status = answer.status_code
    while isinstance(event := await next_event(upstream, traffic), h11.Data):
        traffic.down(len(event.data))
        await send(client, event)
    await send(client, h11.EndOfMessage())


async def refuse_or_cut(client: Peer, exchange: Exchange, error: DomainError) -> None:
    """Answer the error; once an answer has begun its status is gone, and cutting the connection
    short is the only way left to tell the client."""
    exchange.outcome = error.code
    if exchange.status:
        return
    exchange.status = error.status_code
    await answer_error(client, error)


async def answer_error(client: Peer, error: DomainError) -> None:
    body = json.dumps(error_payload(error.code, error.message, error.details)).encode()
    response = h11.Response(
        status_code=error.status_code,
        reason=HTTPStatus(error.status_code).phrase.encode(),
        headers=[
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            (REQUEST_ID_HEADER, context.request_id.get().encode()),
        ],
    )
    # The client may have gone, or its connection may take no answer any more.
    with contextlib.suppress(OSError, h11.LocalProtocolError):
        await send(client, response, h11.Data(data=body), h11.EndOfMessage())
