"""The proxy across a service's replicas: a request that never left goes to the next replica,
an idempotent one cut off before its answer too, and a POST cut off answers 502 without
reaching another replica (it may have been done already)."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from shared.utilities import proxy
from shared.utilities.replicas import Replicas
from tests.fixtures import free_port


class Healthy:
    """A replica that answers, counting what reached it."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def answer(self, request: Request) -> PlainTextResponse:
        self.seen.append(request.method)
        await request.body()
        return PlainTextResponse("done")

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/work", self.answer, methods=["GET", "POST"])])


@pytest.fixture
async def dying() -> AsyncIterator[str]:
    """A replica that reads a request's head and hangs up without answering."""

    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    server.close()
    await server.wait_closed()


@pytest.fixture
async def through(serve) -> AsyncIterator:
    """`async with through(*replica_urls) as base_url`: a proxy in front of those replicas."""

    @asynccontextmanager
    async def proxied(*urls: str):
        replicas = Replicas("work", list(urls), down_seconds=60)
        async with proxy.http_pool(5, 5) as pool:

            async def app(scope, receive, send):
                if scope["type"] == "http":
                    await proxy.forward(pool, replicas, scope, receive, send)

            async with serve(app) as url:
                yield url

    return proxied


async def test_a_request_no_replica_took_goes_to_the_next(through, serve):
    healthy = Healthy()
    refusing = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    async with (
        serve(healthy.app()) as url,
        through(refusing, url) as proxied,
        httpx.AsyncClient(base_url=proxied) as client,
    ):
        answers = [await client.post("/work", content=b"x") for _ in range(2)]

    assert [answer.status_code for answer in answers] == [200, 200]
    assert healthy.seen == ["POST", "POST"]


async def test_a_get_cut_off_before_its_answer_goes_to_the_next_replica(through, serve, dying):
    healthy = Healthy()
    async with (
        serve(healthy.app()) as url,
        through(dying, url) as proxied,
        httpx.AsyncClient(base_url=proxied) as client,
    ):
        answer = await client.get("/work")

    assert answer.status_code == 200
    assert healthy.seen == ["GET"]


async def test_a_post_cut_off_before_its_answer_is_not_sent_again(through, serve, dying):
    healthy = Healthy()
    async with (
        serve(healthy.app()) as url,
        through(dying, url) as proxied,
        httpx.AsyncClient(base_url=proxied) as client,
    ):
        answer = await client.post("/work", content=b"pay once")

    assert (answer.status_code, answer.json()["error"]["code"]) == (502, "bad_gateway")
    assert healthy.seen == []
