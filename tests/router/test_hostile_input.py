"""Input no client should send answers a uniform 4xx, never a 500."""

import asyncio

import pytest

from router.app import create_app
from tests.router.conftest import router_settings


async def raw_post(router, path: str, headers: list[tuple[bytes, bytes]]) -> int:
    """A request written byte by byte, as httpx refuses to send some of these headers."""
    url = router.base_url
    reader, writer = await asyncio.open_connection(url.host, url.port)
    head = b"".join(name + b": " + value + b"\r\n" for name, value in headers)
    writer.write(b"POST " + path.encode() + b" HTTP/1.1\r\nhost: router\r\n" + head + b"\r\n")
    await writer.drain()
    answer = await reader.read()
    writer.close()
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize("uri", ["http://[x", "http://[::1/v1/contacts", "//[/v1"])
async def test_an_exchange_naming_an_unparsable_uri_answers_422(router, uri):
    response = await router.get("/v1/auth/exchange", headers={"x-forwarded-uri": uri})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "header.x-forwarded-uri"


@pytest.mark.parametrize("value", [b"a\x01b", b"a\x00b", b"a\x7fb"], ids=["soh", "nul", "del"])
async def test_a_control_character_in_a_proxied_header_answers_400(router, upstream, value):
    """uvicorn's parser refuses most before we see them, in plain text; what it passes (and
    what an in-process caller sends) the proxy refuses in the uniform shape."""
    headers = [(b"x-note", value), (b"content-length", b"0"), (b"connection", b"close")]

    status = await raw_post(router, "/v1/auth/login", headers)

    assert status == 400
    assert upstream.received == []


@pytest.mark.parametrize("value", [b"a\x01b", b"a\x00b", b"a\x7fb", b"a\nb"])
async def test_the_proxy_refuses_a_control_character_in_a_header_in_the_uniform_shape(
    value, client_for, upstream
):
    app = create_app(router_settings(upstream.url))
    transport_scope_headers = [(b"x-note", value)]
    async with client_for(app) as client:
        response = await client.post("/v1/auth/login", headers=transport_scope_headers)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_header"
    assert response.json()["error"]["details"] == [{"field": "header.x-note"}]
    assert upstream.received == []
