"""The outbound proxy over real sockets: requests passed on, tunnels opened, the allow-list
and its addresses enforced, each exchange logged; origin-form requests for the app."""

import asyncio
import json
import logging
from urllib.parse import urlsplit

import httpx
import pytest

from tests.misc.proxy_server.conftest import (
    LOCAL,
    WAIT_SECONDS,
    client_through,
    connect_through,
    read_to_end,
    resolving,
    send_raw,
)


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
