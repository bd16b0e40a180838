"""The outbound proxy over real sockets, and the local servers standing in for third parties:
reached at 127.0.0.1 with loopback allowed for the test, or by name through a fake resolver."""

import asyncio
from collections.abc import Sequence
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, StreamingResponse
from starlette.routing import Route

from misc.proxy_server.app import create_app
from misc.proxy_server.proxy import Proxy
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.addresses import Resolver, system_resolver
from tests.fixtures import running

WAIT_SECONDS = 5  # no test waits longer than this for an answer
SHORT_TIMEOUT_SECONDS = 0.3
# The upstreams listen on 127.0.0.1, which the proxy refuses unless told otherwise.
LOCAL = {"allowed_hosts": ["127.0.0.1"], "allow_loopback": True}


def upstream_app() -> Starlette:
    async def echo(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "method": request.method,
                "path": request.url.path,
                "query": request.url.query,
                "headers": dict(request.headers),
                "body": (await request.body()).decode(),
            }
        )

    async def large(_: Request) -> PlainTextResponse:
        return PlainTextResponse("x" * 5000)

    async def streamed(_: Request) -> StreamingResponse:
        async def chunks():
            for _ in range(10):
                yield b"x" * 1000

        return StreamingResponse(chunks())

    async def slow(_: Request) -> PlainTextResponse:
        await asyncio.sleep(SHORT_TIMEOUT_SECONDS * 3)
        return PlainTextResponse("too late")

    return Starlette(
        routes=[
            Route("/echo", echo, methods=["GET", "POST"]),
            Route("/large", large),
            Route("/streamed", streamed),
            Route("/slow", slow),
        ]
    )


@pytest.fixture(scope="module")
async def upstream_url():
    async with running(upstream_app()) as url:
        yield url


@pytest.fixture(scope="module")
async def echo_port():
    """A TCP server that sends back whatever it receives."""

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()


@pytest.fixture(scope="module")
async def hang_up_port():
    """A TCP server that reads the request and closes without answering."""

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()


@pytest.fixture(scope="module")
async def app_address():
    # Made before any test runs: the app factory sets up logging, which would drop caplog's
    # handler if it ran inside a test.
    async with running(create_app(ProxyServerSettings())) as url:
        yield "127.0.0.1", urlsplit(url).port


@pytest.fixture
def proxy_for(app_address):
    """`async with proxy_for(resolver, **settings) as proxy_url`: the proxy on a real port."""

    @asynccontextmanager
    async def start(resolver: Resolver = system_resolver, **settings):
        proxy = Proxy(ProxyServerSettings(**settings), app_address, resolver)
        server = await asyncio.start_server(proxy, "127.0.0.1", 0)
        try:
            yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        finally:
            server.close()

    return start


def resolving(*answers: Sequence[str]) -> Resolver:
    """A fake DNS giving each lookup the next answer; `lookups` counts them."""

    async def resolve(host: str, port: int) -> list[str]:
        resolve.lookups += 1
        return list(answers[min(resolve.lookups, len(answers)) - 1])

    resolve.lookups = 0
    return resolve


def client_through(proxy_url: str, **kwargs) -> httpx.AsyncClient:
    return httpx.AsyncClient(proxy=proxy_url, timeout=WAIT_SECONDS, trust_env=False, **kwargs)


@asynccontextmanager
async def connect_through(proxy_url: str, target: str, headers: str = ""):
    """A raw CONNECT: yields the answer's status, and the stream for the tunnel or the body."""
    proxy = urlsplit(proxy_url)
    reader, writer = await asyncio.open_connection(proxy.hostname, proxy.port)
    try:
        writer.write(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n{headers}\r\n".encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), WAIT_SECONDS)
        yield int(head.split()[1]), reader, writer
    finally:
        writer.close()


async def read_to_end(reader: asyncio.StreamReader) -> bytes:
    return await asyncio.wait_for(reader.read(), WAIT_SECONDS)


async def send_raw(proxy_url: str, request: bytes) -> bytes:
    """What the proxy answers to bytes a client library would not send."""
    proxy = urlsplit(proxy_url)
    reader, writer = await asyncio.open_connection(proxy.hostname, proxy.port)
    try:
        writer.write(request)
        return await read_to_end(reader)
    finally:
        writer.close()
