"""The outbound proxy over real sockets. Local servers stand in for third parties: reached at
127.0.0.1 with loopback allowed for the test, or by name through a fake resolver."""

import asyncio
import json
import logging
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
from tests.fixtures import free_port, running

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


async def test_a_plain_http_request_is_passed_on_and_answered(proxy_for, upstream_url):
    async with proxy_for(**LOCAL) as proxy_url, client_through(proxy_url) as client:
        response = await client.post(f"{upstream_url}/echo?page=2", content=b"hello")

    echoed = response.json()
    assert response.status_code == 200
    assert (echoed["method"], echoed["path"], echoed["query"]) == ("POST", "/echo", "page=2")
    assert echoed["body"] == "hello"


async def test_proxy_headers_stay_on_their_hop_and_the_others_go_on(proxy_for, upstream_url):
    async with proxy_for(**LOCAL) as proxy_url, client_through(proxy_url) as client:
        response = await client.get(
            f"{upstream_url}/echo",
            headers={"proxy-authorization": "Basic c2VjcmV0", "x-api-key": "key-1"},
        )

    headers = response.json()["headers"]
    assert "proxy-authorization" not in headers
    assert headers["x-api-key"] == "key-1"
    assert headers["host"] == urlsplit(upstream_url).netloc


async def test_a_connect_tunnel_carries_bytes_both_ways(proxy_for, echo_port):
    async with (
        proxy_for(**LOCAL) as proxy_url,
        connect_through(proxy_url, f"127.0.0.1:{echo_port}") as (status, reader, writer),
    ):
        writer.write(b"hello through the tunnel")
        first = await asyncio.wait_for(reader.readexactly(24), WAIT_SECONDS)
        writer.write(b"and again")
        second = await asyncio.wait_for(reader.readexactly(9), WAIT_SECONDS)

    assert status == 200
    assert (first, second) == (b"hello through the tunnel", b"and again")


async def test_a_host_off_the_allow_list_is_refused_with_403(proxy_for):
    async with (
        proxy_for(allowed_hosts=["api.stripe.com"]) as proxy_url,
        client_through(proxy_url) as client,
    ):
        response = await client.get("http://evil.test/steal")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert response.json()["request_id"] == response.headers["x-request-id"]


async def test_a_connect_to_a_host_off_the_allow_list_is_refused_before_tunnelling(proxy_for):
    async with (
        proxy_for(allowed_hosts=["api.stripe.com"]) as proxy_url,
        connect_through(proxy_url, "evil.test:443") as (status, reader, _),
    ):
        body = await read_to_end(reader)

    assert status == 403
    assert json.loads(body)["error"]["code"] == "forbidden"


@pytest.mark.parametrize(
    "address", ["10.0.0.5", "169.254.169.254", "100.64.0.1", "fd00::1", "::ffff:10.0.0.5"]
)
async def test_an_allowed_name_resolving_inside_the_network_is_refused(proxy_for, address):
    resolver = resolving([address])
    async with (
        proxy_for(resolver, allowed_hosts=["api.stripe.com"]) as proxy_url,
        connect_through(proxy_url, "api.stripe.com:443") as (status, reader, _),
    ):
        body = await read_to_end(reader)

    assert status == 403
    assert "resolves to an address" in json.loads(body)["error"]["message"]


async def test_loopback_is_refused_when_not_allowed(proxy_for, upstream_url):
    async with (
        proxy_for(allowed_hosts=["127.0.0.1"]) as proxy_url,
        client_through(proxy_url) as client,
    ):
        response = await client.get(f"{upstream_url}/echo")

    assert response.status_code == 403


async def test_a_name_rebinding_after_the_check_is_reached_at_the_checked_address(
    proxy_for, echo_port
):
    # The first answer stands for a public address (loopback allowed for the test); an
    # attacker's DNS then points the name inside the network.
    resolver = resolving(["127.0.0.1"], ["10.0.0.5"])
    async with (
        proxy_for(resolver, allowed_hosts=["api.stripe.com"], allow_loopback=True) as proxy_url,
        connect_through(proxy_url, f"api.stripe.com:{echo_port}") as (status, reader, writer),
    ):
        writer.write(b"ping")
        answer = await asyncio.wait_for(reader.readexactly(4), WAIT_SECONDS)

    assert (status, answer) == (200, b"ping")
    assert resolver.lookups == 1


async def test_an_answer_declaring_more_than_the_limit_is_refused_with_502(proxy_for, upstream_url):
    async with (
        proxy_for(**LOCAL, max_response_bytes=1000) as proxy_url,
        client_through(proxy_url) as client,
    ):
        response = await client.get(f"{upstream_url}/large")

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "response_too_large"


async def test_an_answer_streaming_past_the_limit_is_cut(proxy_for, upstream_url):
    async with (
        proxy_for(**LOCAL, max_response_bytes=3000) as proxy_url,
        client_through(proxy_url) as client,
        client.stream("GET", f"{upstream_url}/streamed") as response,
    ):
        with pytest.raises(httpx.RemoteProtocolError):
            await response.aread()

    assert response.status_code == 200


async def test_a_tunnel_carrying_more_than_the_limit_is_cut(proxy_for, echo_port):
    async with (
        proxy_for(**LOCAL, max_response_bytes=1000) as proxy_url,
        connect_through(proxy_url, f"127.0.0.1:{echo_port}") as (status, reader, writer),
    ):
        writer.write(b"x" * 2000)
        echoed = await read_to_end(reader)

    assert status == 200
    assert len(echoed) < 2000


async def test_an_upstream_silent_past_the_idle_timeout_answers_504(proxy_for, upstream_url):
    async with (
        proxy_for(**LOCAL, idle_timeout_seconds=SHORT_TIMEOUT_SECONDS) as proxy_url,
        client_through(proxy_url) as client,
    ):
        response = await client.get(f"{upstream_url}/slow")

    assert response.status_code == 504
    assert response.json()["error"]["code"] == "gateway_timeout"


async def test_an_exchange_past_the_total_timeout_answers_504(proxy_for, upstream_url):
    async with (
        proxy_for(**LOCAL, total_timeout_seconds=SHORT_TIMEOUT_SECONDS) as proxy_url,
        client_through(proxy_url) as client,
    ):
        response = await client.get(f"{upstream_url}/slow")

    assert response.status_code == 504


async def test_a_silent_tunnel_is_closed_after_the_idle_timeout(proxy_for, echo_port):
    async with (
        proxy_for(**LOCAL, idle_timeout_seconds=SHORT_TIMEOUT_SECONDS) as proxy_url,
        connect_through(proxy_url, f"127.0.0.1:{echo_port}") as (status, reader, _),
    ):
        rest = await read_to_end(reader)

    assert (status, rest) == (200, b"")


async def test_an_upstream_that_is_down_answers_502(proxy_for):
    async with proxy_for(**LOCAL) as proxy_url, client_through(proxy_url) as client:
        response = await client.get(f"http://127.0.0.1:{free_port()}/")

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "bad_gateway"


async def test_an_upstream_closing_without_an_answer_answers_502(proxy_for, hang_up_port):
    async with proxy_for(**LOCAL) as proxy_url, client_through(proxy_url) as client:
        response = await client.get(f"http://127.0.0.1:{hang_up_port}/")

    assert response.status_code == 502


async def test_a_connect_naming_no_port_is_refused_with_400(proxy_for):
    async with (
        proxy_for(allowed_hosts=["api.stripe.com"]) as proxy_url,
        connect_through(proxy_url, "api.stripe.com") as (status, _, _),
    ):
        pass

    assert status == 400


async def test_each_request_is_logged_once_with_its_request_id(proxy_for, upstream_url, caplog):
    caplog.set_level(logging.INFO, logger="misc.proxy_server.proxy")
    async with proxy_for(**LOCAL) as proxy_url, client_through(proxy_url) as client:
        await client.get(f"{upstream_url}/large", headers={"x-request-id": "req-42"})

    (record,) = caplog.records
    upstream = urlsplit(upstream_url)
    assert record.request_id == "req-42"
    assert (record.method, record.host, record.port) == ("GET", "127.0.0.1", upstream.port)
    assert (record.status, record.outcome, record.response_bytes) == (200, "ok", 5000)
    assert record.duration_ms > 0


async def test_a_request_without_a_request_id_is_given_one(proxy_for, caplog):
    caplog.set_level(logging.INFO, logger="misc.proxy_server.proxy")
    async with proxy_for(allowed_hosts=[]) as proxy_url, client_through(proxy_url) as client:
        response = await client.get("http://evil.test/")

    (record,) = caplog.records
    assert len(record.request_id) == 32
    assert response.headers["x-request-id"] == record.request_id


async def test_health_is_answered_on_the_proxy_port(proxy_for):
    async with proxy_for() as proxy_url, httpx.AsyncClient(timeout=WAIT_SECONDS) as client:
        response = await client.get(f"{proxy_url}/health")

    assert response.json() == {"status": "ok", "service": "proxy_server"}


async def test_an_origin_form_request_with_a_url_in_its_query_is_for_the_app(proxy_for):
    async with proxy_for() as proxy_url, httpx.AsyncClient(timeout=WAIT_SECONDS) as client:
        response = await client.get(f"{proxy_url}/health", params={"next": "http://evil.test/"})

    assert response.status_code == 200


async def test_https_without_connect_is_refused_with_400(proxy_for):
    async with proxy_for(allowed_hosts=["api.stripe.com"]) as proxy_url:
        answer = await send_raw(
            proxy_url, b"GET https://api.stripe.com/ HTTP/1.1\r\nHost: api.stripe.com\r\n\r\n"
        )

    assert answer.startswith(b"HTTP/1.1 400 ")


async def test_a_malformed_request_is_answered_400(proxy_for):
    async with proxy_for() as proxy_url:
        answer = await send_raw(proxy_url, b"NOT HTTP\r\n\r\n")

    assert answer.startswith(b"HTTP/1.1 400 ")
