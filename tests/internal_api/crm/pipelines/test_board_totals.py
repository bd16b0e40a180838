"""The board's totals converted into the account's currency, through the currency service,
faked at the HTTP transport with the answers of its documented `GET /v1/currency/rates`."""

import httpx
import pytest
from asgi_lifespan import LifespanManager

from internal_api.app import create_app
from internal_api.exchange_rates import RATES_CACHE_SECONDS
from misc.currency.app import create_app as create_currency
from misc.currency.settings import CurrencySettings
from shared.utilities.auth import TokenKind, authenticator_for
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_deal, create_pipeline, create_signed_in
from tests.internal_api.conftest import settings
from tests.misc.currency.conftest import DAY as ECB_DAY
from tests.misc.currency.conftest import FEED_URL, FakeEcb

DAY = "2025-06-16"
# Units of each currency per euro, as the currency service answers them (decimals as text).
PER_EURO = {"EUR": "1", "USD": "1.0800", "JPY": "160.00", "GBP": "0.8500"}
DOWN = None


class CurrencyService:
    """Answers `rates` (or refuses to connect when DOWN), recording each request."""

    def __init__(self) -> None:
        self.rates: dict[str, str] | None = PER_EURO
        self.stale = False
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.rates is DOWN:
            raise httpx.ConnectError("connection refused", request=request)
        body = {"base": request.url.params["base"], "date": DAY, "rates": self.rates}
        return httpx.Response(200, json=body | ({"stale": True} if self.stale else {}))


@pytest.fixture
def currency_service():
    return CurrencyService()


@pytest.fixture
async def api(client_for, mongo, redis, currency_service):
    async for key in redis.scan_iter(match="exchange-rates:*"):
        await redis.delete(key)
    app = create_app(settings(), currency_transport=currency_service.transport)
    async with client_for(app) as client:
        yield client


async def board_of(api, signed_in, pipeline) -> dict:
    response = await api.get(f"/v1/crm/pipelines/{pipeline.id}/board", headers=signed_in.headers)
    assert response.status_code == 200
    return response.json()


async def euro_agency():
    return await create_signed_in(await create_account(locale={"currency": "EUR"}))


async def test_a_stage_is_totalled_in_the_accounts_currency_at_the_days_rates(
    api, currency_service
):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=10_000, currency="EUR")
    await create_deal(pipeline, value=10_800, currency="USD")
    await create_deal(pipeline, value=16_000, currency="JPY")

    board = await board_of(api, owner, pipeline)

    # 100.00 EUR + 108.00 USD (100.00 EUR) + 16,000 JPY (100.00 EUR)
    assert board["currency"] == "EUR"
    assert board["stages"][0]["converted_total"] == 30_000
    assert board["rates"] == {"date": DAY, "stale": False}
    assert board["unconverted"] == []


async def test_the_rates_are_asked_into_the_accounts_currency_with_a_service_token(
    api, currency_service
):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=500, currency="USD")

    await board_of(api, owner, pipeline)

    [request] = currency_service.requests
    assert (request.url.path, request.url.params["base"]) == ("/v1/currency/rates", "EUR")
    token = request.headers["authorization"].removeprefix("Bearer ")
    # Verified as the currency service verifies the tokens sent to it.
    caller = authenticator_for(CurrencySettings()).services.verify(token)
    assert (caller.kind, caller.sub) == (TokenKind.SERVICE, "internal_api")


async def test_a_converted_value_is_rounded_half_up_to_the_currencys_minor_units(
    api, currency_service
):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=1, currency="JPY")  # 1/160 EUR: 0.625 cents

    board = await board_of(api, owner, pipeline)

    assert board["stages"][0]["converted_total"] == 1


async def test_a_board_in_one_currency_asks_for_no_rates(api, currency_service):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=700, currency="EUR")

    board = await board_of(api, owner, pipeline)

    assert currency_service.requests == []
    assert (board["stages"][0]["converted_total"], board["rates"]) == (700, None)


async def test_an_account_without_a_currency_is_totalled_in_the_platforms_default(
    api, currency_service
):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=100, currency="EUR")

    board = await board_of(api, owner, pipeline)

    assert board["currency"] == ServiceSettings().default_currency == "USD"
    assert currency_service.requests[0].url.params["base"] == "USD"


async def test_while_the_currency_service_is_down_the_board_answers_without_conversion(
    api, currency_service
):
    currency_service.rates = DOWN
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=1_000, currency="USD")
    await create_deal(pipeline, pipeline.stages[1], value=400, currency="EUR")

    board = await board_of(api, owner, pipeline)

    lead, qualified, _ = board["stages"]
    assert (lead["totals"], lead["converted_total"]) == (
        [{"currency": "USD", "value": 1_000}],
        None,
    )
    assert qualified["converted_total"] == 400
    assert (board["rates"], board["unconverted"]) == (None, ["USD"])


async def test_a_currency_the_rates_do_not_cover_is_left_unconverted(api, currency_service):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=100, currency="CHF")

    board = await board_of(api, owner, pipeline)

    assert (board["stages"][0]["converted_total"], board["unconverted"]) == (None, ["CHF"])


async def test_stale_rates_say_so_on_the_board(api, currency_service):
    currency_service.stale = True
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=100, currency="USD")

    board = await board_of(api, owner, pipeline)

    assert board["rates"] == {"date": DAY, "stale": True}


async def test_the_rates_are_asked_once_for_many_boards(api, currency_service, redis):
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=100, currency="USD")

    for _ in range(3):
        await board_of(api, owner, pipeline)

    assert len(currency_service.requests) == 1
    assert 0 < await redis.ttl("exchange-rates:EUR") <= RATES_CACHE_SECONDS


async def test_the_board_converts_through_the_real_currency_service(client_for, mongo, redis):
    async for key in redis.scan_iter(match="exchange-rates:*"):
        await redis.delete(key)
    feed = FakeEcb()  # the ECB's feed behind the currency service: 1 EUR = 1.08 USD
    currency_app = create_currency(
        CurrencySettings(provider_url=FEED_URL, snapshot_file=""), transport=feed.transport
    )
    owner = await euro_agency()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=10_800, currency="USD")

    async with LifespanManager(currency_app) as currency:
        transport = httpx.ASGITransport(app=currency.app)
        async with client_for(create_app(settings(), currency_transport=transport)) as api:
            board = await board_of(api, owner, pipeline)

    assert board["stages"][0]["converted_total"] == 10_000
    assert board["rates"] == {"date": ECB_DAY, "stale": False}
