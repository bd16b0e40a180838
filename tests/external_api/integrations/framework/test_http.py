"""A provider's HTTP: retries on 429 and 5xx honouring Retry-After, provider errors as domain
errors, and paging through lists."""

import httpx
import pytest

from external_api.integrations.framework.errors import ProviderFailed, ReconnectNeeded
from external_api.integrations.framework.http import ProviderHttp, pages
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    UpstreamError,
    UpstreamTimeout,
)
from tests.external_api.fakes import FakeProviders, json_answer, json_of, query_of

BASE = "https://api.acme.test"


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
async def acme(fake, waits):
    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async with httpx.AsyncClient(transport=fake.transport()) as client:
        yield ProviderHttp("Acme", client, BASE, attempts=3, max_wait=30, sleep=sleep)


async def test_a_call_sends_the_request_as_given(acme, fake):
    fake.on("POST", f"{BASE}/v1/things", json_answer({"id": "t1"}, 201))

    answer = await acme.json(
        "POST", "/v1/things", params={"expand": "all"}, json={"name": "x"}, headers={"x-k": "v"}
    )

    assert answer == {"id": "t1"}
    (sent,) = fake.requests
    assert sent.method == "POST"
    assert str(sent.url.copy_with(query=None)) == f"{BASE}/v1/things"
    assert query_of(sent) == {"expand": "all"}
    assert sent.headers["x-k"] == "v"
    assert json_of(sent) == {"name": "x"}


async def test_a_full_url_is_called_as_is(acme, fake):
    fake.on("POST", "https://auth.acme.test/token", json_answer({}))

    await acme.call("POST", "https://auth.acme.test/token")

    assert str(fake.requests[0].url) == "https://auth.acme.test/token"


async def test_429_then_200_waits_as_retry_after_asks_and_answers(acme, fake, waits):
    fake.on(
        "GET",
        f"{BASE}/v1/things",
        json_answer({"error": "slow down"}, 429, {"retry-after": "7"}),
        json_answer({"data": []}),
    )

    answer = await acme.json("GET", "/v1/things")

    assert answer == {"data": []}
    assert len(fake.requests) == 2
    assert waits == [7.0]


async def test_retry_after_as_an_http_date_is_honoured(acme, fake, waits):
    fake.on(
        "GET",
        f"{BASE}/v1/things",
        json_answer({}, 503, {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        json_answer({}),
    )

    await acme.call("GET", "/v1/things")

    assert waits == [0.0]  # a date in the past: at once


async def test_a_huge_retry_after_is_capped(acme, fake, waits):
    fake.on(
        "GET",
        f"{BASE}/v1/things",
        json_answer({}, 429, {"retry-after": "86400"}),
        json_answer({}),
    )

    await acme.call("GET", "/v1/things")

    assert waits == [30.0]


async def test_5xx_without_retry_after_backs_off_and_tries_again(acme, fake, waits):
    fake.on("GET", f"{BASE}/v1/things", json_answer({}, 502), json_answer({}, 503), json_answer({}))

    await acme.call("GET", "/v1/things")

    assert len(fake.requests) == 3
    assert len(waits) == 2 and all(wait > 0 for wait in waits)


async def test_5xx_after_every_try_is_a_502_upstream_error(acme, fake):
    fake.on("GET", f"{BASE}/v1/things", json_answer({"message": "down for maintenance"}, 500))

    with pytest.raises(ProviderFailed) as raised:
        await acme.call("GET", "/v1/things")

    assert raised.value.status_code == 502
    assert raised.value.code == "upstream_error"
    assert "down for maintenance" in raised.value.message
    assert len(fake.requests) == 3


async def test_429_after_every_try_is_a_429_with_retry_after(acme, fake):
    fake.on("GET", f"{BASE}/v1/things", json_answer({}, 429, {"retry-after": "12"}))

    with pytest.raises(RateLimited) as raised:
        await acme.call("GET", "/v1/things")

    assert raised.value.headers == {"retry-after": "12"}


@pytest.mark.parametrize(
    ("status", "error"),
    [(401, ReconnectNeeded), (403, Forbidden), (404, NotFound), (400, InvalidInput)],
)
async def test_a_provider_error_is_a_domain_error(acme, fake, status, error):
    fake.on("GET", f"{BASE}/v1/things", json_answer({"error": {"message": "Nope."}}, status))

    with pytest.raises(error):
        await acme.call("GET", "/v1/things")

    assert len(fake.requests) == 1  # a 4xx is not retried


async def test_a_provider_401_asks_to_reconnect_not_to_sign_in(acme, fake):
    fake.on("GET", f"{BASE}/v1/things", json_answer({}, 401))

    with pytest.raises(ReconnectNeeded) as raised:
        await acme.call("GET", "/v1/things")

    assert (raised.value.status_code, raised.value.code) == (409, "reconnect_needed")


async def test_a_4xx_carries_the_providers_message(acme, fake):
    fake.on(
        "GET",
        f"{BASE}/v1/things",
        json_answer({"error": {"message": "Field 'x' is unknown."}}, 400),
    )

    with pytest.raises(InvalidInput) as raised:
        await acme.call("GET", "/v1/things")

    assert raised.value.message == "Acme: Field 'x' is unknown."


async def test_a_provider_can_say_otherwise_that_it_refuses_the_credential(fake):
    fake.on("GET", f"{BASE}/v1/things", json_answer({"error": {"code": 190}}, 400))
    async with httpx.AsyncClient(transport=fake.transport()) as client:
        http = ProviderHttp(
            "Acme", client, BASE, refused=lambda r: r.json()["error"]["code"] == 190
        )

        with pytest.raises(ReconnectNeeded):
            await http.call("GET", "/v1/things")


async def test_an_unreachable_provider_is_a_502(fake):
    def refuse(request):
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        with pytest.raises(UpstreamError):
            await ProviderHttp("Acme", client, BASE).call("GET", "/v1/things")


async def test_a_provider_too_slow_is_a_504(fake):
    def time_out(request):
        raise httpx.ReadTimeout("slow", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(time_out)) as client:
        with pytest.raises(UpstreamTimeout):
            await ProviderHttp("Acme", client, BASE).call("GET", "/v1/things")


async def test_pages_follows_the_token_until_there_is_none():
    answers = {None: {"items": [1], "next": "b"}, "b": {"items": [2], "next": "c"}, "c": {}}
    asked = []

    async def fetch(token):
        asked.append(token)
        return answers[token]

    seen = [page.get("items") async for page in pages(fetch, lambda page: page.get("next"))]

    assert asked == [None, "b", "c"]
    assert seen == [[1], [2], None]


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()
