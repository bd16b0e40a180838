"""Transport failures of a third-party call become 502 and 504 domain errors."""

import httpx
import pytest

from shared.utilities.errors import UpstreamError, UpstreamTimeout
from shared.utilities.upstream import http_client, upstream_failures


def failing(error: type[httpx.TransportError]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        raise error("no answer", request=request)

    return httpx.MockTransport(handle)


async def test_a_timeout_is_an_upstream_timeout_naming_the_provider():
    async with http_client(1, 1, failing(httpx.ReadTimeout)) as client:
        with pytest.raises(UpstreamTimeout, match="Acme"), upstream_failures("Acme"):
            await client.get("https://api.example.com/")


async def test_an_unreachable_provider_is_an_upstream_error():
    async with http_client(1, 1, failing(httpx.ConnectError)) as client:
        with pytest.raises(UpstreamError, match="Acme"), upstream_failures("Acme"):
            await client.get("https://api.example.com/")


def test_the_client_waits_as_long_as_it_is_told():
    client = http_client(connect_timeout=2, read_timeout=30)

    assert (client.timeout.connect, client.timeout.read) == (2, 30)
