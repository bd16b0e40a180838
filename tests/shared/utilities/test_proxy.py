"""The streaming reverse proxy: a service built by the app factory passes every request it has no
route for to a fake upstream that echoes what it received."""

import asyncio
import ipaddress
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from shared.utilities import proxy
from shared.utilities.app import create_app
from shared.utilities.settings import ServiceSettings
from tests.fixtures import free_port

READ_TIMEOUT_SECONDS = 0.3


def echo_upstream() -> Starlette:
    async def echo(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "method": request.method,
                "path": request.url.path,
                "query": request.url.query,
                "headers": dict(request.headers),
                "body": (await request.body()).decode(),
            },
            headers={"keep-alive": "timeout=5", "proxy-authenticate": "Basic", "x-upstream": "1"},
        )

    async def slow(_: Request) -> PlainTextResponse:
        await asyncio.sleep(READ_TIMEOUT_SECONDS * 3)
        return PlainTextResponse("too late")

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return Starlette(routes=[Route("/slow", slow), Route("/{path:path}", echo, methods=methods)])


def proxy_app(upstream: str) -> FastAPI:
    """A service that passes on what it has no route for, adding and dropping a header."""

    @asynccontextmanager
    async def pool(app: FastAPI):
        async with proxy.http_pool(1, READ_TIMEOUT_SECONDS) as session:
            app.state.session = session
            yield

    def forward_the_rest(app: FastAPI) -> None:
        async def forward(scope, receive, send):
            await proxy.forward(
                app.state.session,
                upstream,
                scope,
                receive,
                send,
                drop=frozenset({b"x-secret"}),
                add=[(b"x-added", b"yes")],
                response_headers=[(b"x-proxied", b"yes")],
            )

        app.router.default = forward

    return create_app(
        ServiceSettings(), title="proxy", lifespans=[pool], configure=forward_the_rest
    )


@pytest.fixture
def through_proxy(serve):
    """`async with through_proxy(upstream_url) as client`: a client of a proxy to it."""

    @asynccontextmanager
    async def start(upstream: str):
        async with serve(proxy_app(upstream)) as url, httpx.AsyncClient(base_url=url) as client:
            yield client

    return start


@pytest.fixture
async def client(serve, through_proxy):
    async with serve(echo_upstream()) as upstream, through_proxy(upstream) as client:
        yield client


async def test_method_path_query_and_body_reach_the_upstream(client):
    response = await client.put("/v1/things/7?sort=-name&q=a%20b", content=b"payload")

    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("method", "path", "query", "body")} == {
        "method": "PUT",
        "path": "/v1/things/7",
        "query": "sort=-name&q=a%20b",
        "body": "payload",
    }


async def test_hop_by_hop_request_headers_stay_on_their_hop(client):
    response = await client.get(
        "/v1/things",
        headers={"keep-alive": "timeout=5", "proxy-authorization": "Basic eA==", "te": "trailers"},
    )

    received = response.json()["headers"]
    assert not {"keep-alive", "proxy-authorization", "te"} & received.keys()


async def test_hop_by_hop_response_headers_stay_on_their_hop(client):
    response = await client.get("/v1/things")

    assert response.headers["x-upstream"] == "1"
    assert "keep-alive" not in response.headers
    assert "proxy-authenticate" not in response.headers


async def test_headers_are_added_and_dropped_as_the_service_asks(client):
    response = await client.get("/v1/things", headers={"x-secret": "s", "x-kept": "k"})

    received = response.json()["headers"]
    assert (received["x-added"], received["x-kept"]) == ("yes", "k")
    assert "x-secret" not in received
    assert response.headers["x-proxied"] == "yes"


async def test_the_request_id_is_passed_upstream_and_answered_once(client):
    response = await client.get("/v1/things", headers={"x-request-id": "req-42"})

    assert response.json()["headers"]["x-request-id"] == "req-42"
    assert response.headers.get_list("x-request-id") == ["req-42"]


async def test_the_client_address_is_passed_in_x_forwarded_for(client):
    response = await client.get("/v1/things")

    assert response.json()["headers"]["x-forwarded-for"] == "127.0.0.1"


def test_x_forwarded_for_appends_the_peer_to_the_previous_hops():
    assert proxy.forwarded_for("198.51.100.1", "203.0.113.9") == "198.51.100.1, 203.0.113.9"


PROXIES = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("127.0.0.1/32")]


def scope_from(peer: str, *forwarded_for: str) -> dict:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded_for]
    return {"client": (peer, 40000), "headers": headers}


def test_a_peer_that_is_no_proxy_of_ours_is_the_client_whatever_it_forwards():
    scope = scope_from("203.0.113.7", "198.51.100.1")

    assert proxy.client_ip(scope, PROXIES) == "203.0.113.7"


def test_behind_our_proxies_the_rightmost_hop_that_is_not_one_of_them_is_the_client():
    scope = scope_from("127.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.2")

    assert proxy.client_ip(scope, PROXIES) == "203.0.113.7"


def test_a_hop_the_client_wrote_left_of_its_own_address_is_never_believed():
    # The client sent "X-Forwarded-For: 192.0.2.1"; our edge appended the client's address.
    scope = scope_from("10.0.0.2", "192.0.2.1, 203.0.113.7")

    assert proxy.client_ip(scope, PROXIES) == "203.0.113.7"


def test_forwarded_for_headers_sent_twice_read_as_one_list():
    scope = scope_from("127.0.0.1", "198.51.100.1", "203.0.113.7, 10.0.0.3")

    assert proxy.client_ip(scope, PROXIES) == "203.0.113.7"


def test_a_hop_that_is_not_an_address_is_taken_as_the_client_not_as_a_proxy():
    scope = scope_from("127.0.0.1", "203.0.113.7, not-an-address")

    assert proxy.client_ip(scope, PROXIES) == "not-an-address"


async def test_an_upstream_that_is_down_answers_502(through_proxy):
    async with through_proxy(f"http://127.0.0.1:{free_port()}") as client:
        response = await client.get("/v1/things", headers={"x-request-id": "req-down"})

    assert response.status_code == 502
    assert response.json() == {
        "error": {"code": "bad_gateway", "message": "An upstream service failed.", "details": []},
        "request_id": "req-down",
    }
    assert response.headers["x-proxied"] == "yes"


async def test_an_upstream_too_slow_answers_504(client):
    response = await client.get("/slow")

    assert response.status_code == 504
    assert response.json()["error"]["code"] == "gateway_timeout"
