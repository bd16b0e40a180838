"""The currency service in-process over ASGI, with a fake ECB feed at the HTTP transport."""

import asyncio
import time
from collections.abc import Callable

import httpx
import pytest

from misc.currency.app import create_app
from misc.currency.settings import CurrencySettings
from shared.utilities.auth import Principal, TokenKind
from tests.factories import user_token

FEED_URL = "https://ecb.test/stats/eurofxref/eurofxref-daily.xml"
DAY = "2025-06-16"
RATES = {"USD": "1.0800", "JPY": "160.00", "GBP": "0.8500", "KWD": "0.3300"}
OFFLINE = None  # an answer of the fake feed: the connection fails


def ecb_feed(day: str = DAY, rates: dict[str, str] = RATES) -> bytes:
    """A document of the ECB's eurofxref-daily.xml shape."""
    cubes = "\n".join(
        f"      <Cube currency='{code}' rate='{rate}'/>" for code, rate in rates.items()
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
    xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time='{day}'>
{cubes}
    </Cube>
  </Cube>
</gesmes:Envelope>""".encode()


class FakeEcb:
    """The feed's server: gives `answers` in turn, then the last one again and again.

    An answer is a document (200), an HTTP status (empty body) or OFFLINE."""

    def __init__(self) -> None:
        self.answers: list[bytes | int | None] = [ecb_feed()]
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def answer(self, *answers: bytes | int | None) -> None:
        self.answers = list(answers)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if answer is OFFLINE:
            raise httpx.ConnectError("no route to host", request=request)
        if isinstance(answer, int):
            return httpx.Response(answer)
        return httpx.Response(200, content=answer, headers={"content-type": "text/xml"})

    async def wait_for_requests(self, count: int, seconds: float = 5) -> None:
        deadline = time.monotonic() + seconds
        while len(self.requests) < count:
            assert time.monotonic() < deadline, f"{len(self.requests)} of {count} requests came"
            await asyncio.sleep(0.01)


@pytest.fixture
def ecb() -> FakeEcb:
    return FakeEcb()


@pytest.fixture
def start_currency(client_for, ecb) -> Callable:
    """`async with start_currency(**settings) as client`: no snapshot unless one is asked for."""

    def start(**overrides):
        fields = {"provider_url": FEED_URL, "snapshot_file": "", **overrides}
        return client_for(create_app(CurrencySettings(**fields), transport=ecb.transport))

    return start


@pytest.fixture
async def currency(start_currency):
    async with start_currency() as client:
        yield client


@pytest.fixture
def headers() -> dict[str, str]:
    principal = Principal(kind=TokenKind.USER, sub="user-1", account_id="account-1")
    return {"authorization": f"Bearer {user_token(principal)}"}
