"""Transport failures of a third-party call become 502 and 504 domain errors; busy answers
(429, 5xx) are tried again after the wait the provider asks for."""

from datetime import UTC, datetime

import httpx
import pytest

from shared.utilities.errors import UpstreamError, UpstreamTimeout
from shared.utilities.upstream import (
    http_client,
    retry_after_seconds,
    retry_when_busy,
    upstream_failures,
)


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


def busy(headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(429, headers=headers)


def test_retry_after_in_seconds_is_read():
    assert retry_after_seconds(busy({"retry-after": "120"})) == 120


def test_retry_after_as_a_date_is_the_time_left_until_it():
    now = datetime(2015, 10, 21, 7, 27, 30, tzinfo=UTC)

    waited = retry_after_seconds(busy({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}), now)

    assert waited == 30


def test_no_or_unreadable_retry_after_is_none():
    assert retry_after_seconds(busy()) is None
    assert retry_after_seconds(busy({"retry-after": "soon"})) is None


async def test_a_busy_answer_is_tried_again_after_the_wait_it_asks_for():
    waits: list[float] = []
    answers = iter([busy({"retry-after": "4"}), httpx.Response(200)])

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    @retry_when_busy(attempts=3, max_wait=10, sleep=sleep)
    async def call() -> httpx.Response:
        return next(answers)

    assert (await call()).status_code == 200
    assert waits == [4]


async def test_the_last_busy_answer_is_handed_back_when_tries_are_used_up():
    async def sleep(seconds: float) -> None:
        pass

    @retry_when_busy(attempts=2, max_wait=1, sleep=sleep)
    async def call() -> httpx.Response:
        return httpx.Response(503)

    assert (await call()).status_code == 503
