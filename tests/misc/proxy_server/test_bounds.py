"""The proxy's bounds: answers and tunnels past the size limit are refused or cut, silence past
the idle timeout and exchanges past the total timeout end, failing upstreams answer 502."""

import httpx
import pytest

from tests.fixtures import free_port
from tests.misc.proxy_server.conftest import (
    LOCAL,
    SHORT_TIMEOUT_SECONDS,
    client_through,
    connect_through,
    read_to_end,
)


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
