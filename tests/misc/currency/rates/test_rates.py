"""GET /v1/currency/rates: every rate against a base, and the day the rates are of."""

from tests.misc.currency.conftest import DAY, FEED_URL


async def test_rates_against_the_euro_are_the_providers(currency, headers):
    response = await currency.get("/v1/currency/rates", headers=headers)

    assert response.status_code == 200
    assert response.json() == {
        "base": "EUR",
        "date": DAY,
        "stale": False,
        "rates": {"USD": "1.0800", "JPY": "160.00", "GBP": "0.8500", "KWD": "0.3300"},
    }


async def test_the_provider_is_asked_for_its_daily_feed(currency, ecb):
    (request,) = ecb.requests

    assert (request.method, str(request.url)) == ("GET", FEED_URL)


async def test_rates_against_another_base_are_cross_rates_through_the_euro(currency, headers):
    response = await currency.get("/v1/currency/rates?base=usd", headers=headers)

    assert response.json()["base"] == "USD"
    assert response.json()["rates"] == {
        "EUR": "0.9259259259",  # 1 / 1.08
        "JPY": "148.1481481",  # 160 / 1.08
        "GBP": "0.7870370370",  # 0.85 / 1.08
        "KWD": "0.3055555556",  # 0.33 / 1.08
    }


async def test_an_unknown_base_answers_422_naming_it(currency, headers):
    response = await currency.get("/v1/currency/rates?base=XYZ", headers=headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_currency"
    assert response.json()["error"]["message"] == "Unknown currency: XYZ."


async def test_a_base_that_is_not_three_letters_answers_422_naming_the_field(currency, headers):
    response = await currency.get("/v1/currency/rates?base=US1", headers=headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.base"


async def test_a_request_without_a_token_answers_401(currency):
    response = await currency.get("/v1/currency/rates")

    assert response.status_code == 401
