"""GET /v1/currency/convert: Decimal arithmetic, rounded to the target's ISO 4217 minor units.

The fake feed has, per euro: USD 1.08, JPY 160, GBP 0.85, KWD 0.33.
"""

from tests.misc.currency.conftest import DAY


async def convert(currency, headers, source: str, target: str, amount: str):
    query = {"from": source, "to": target, "amount": amount}
    return await currency.get("/v1/currency/convert", params=query, headers=headers)


async def test_an_amount_is_converted_and_rounded_to_cents(currency, headers):
    response = await convert(currency, headers, "EUR", "USD", "12.34")  # 13.3272

    assert response.status_code == 200
    assert response.json() == {
        "from": "EUR",
        "to": "USD",
        "amount": "12.34",
        "rate": "1.0800",
        "result": "13.33",
        "result_minor_units": 1333,
        "date": DAY,
        "stale": False,
    }


async def test_yen_are_rounded_to_whole_yen(currency, headers):
    response = await convert(currency, headers, "USD", "JPY", "10")  # 1481.481481

    assert (response.json()["result"], response.json()["result_minor_units"]) == ("1481", 1481)


async def test_dinars_are_rounded_to_three_digits(currency, headers):
    response = await convert(currency, headers, "EUR", "KWD", "10.005")  # 3.30165

    assert (response.json()["result"], response.json()["result_minor_units"]) == ("3.302", 3302)


async def test_half_a_cent_rounds_up(currency, headers):
    response = await convert(currency, headers, "EUR", "EUR", "0.125")

    assert response.json()["result"] == "0.13"


async def test_a_pair_without_the_euro_converts_at_the_cross_rate(currency, headers):
    response = await convert(currency, headers, "gbp", "usd", "100")  # 100 * 1.08 / 0.85

    assert (response.json()["rate"], response.json()["result"]) == ("1.270588235", "127.06")


async def test_unknown_currencies_answer_422_naming_each(currency, headers):
    response = await convert(currency, headers, "XYZ", "ABC", "1")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_currency"
    assert response.json()["error"]["message"] == "Unknown currency: ABC, XYZ."
    assert [detail["currency"] for detail in response.json()["error"]["details"]] == [
        "ABC",
        "XYZ",
    ]


async def test_a_negative_amount_answers_422_naming_the_field(currency, headers):
    response = await convert(currency, headers, "EUR", "USD", "-1")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.amount"
