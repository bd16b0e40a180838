"""Where the rates come from: the provider on a schedule, the last good rates while it fails,
and the shipped snapshot in embedded mode."""

from misc.currency.settings import CurrencySettings
from tests.misc.currency.conftest import DAY, OFFLINE, ecb_feed

NEXT_DAY = "2025-06-17"


async def rates_day(client, headers) -> str:
    return (await client.get("/v1/currency/rates", headers=headers)).json()["date"]


async def test_a_refresh_replaces_the_rates(start_currency, ecb, headers):
    ecb.answer(ecb_feed(DAY), ecb_feed(NEXT_DAY, {"USD": "1.0900"}))

    async with start_currency(refresh_seconds=0.01) as client:
        await ecb.wait_for_requests(3)  # the second answer taken, and the refresh over
        response = await client.get("/v1/currency/rates", headers=headers)

    assert response.json()["date"] == NEXT_DAY
    assert response.json()["rates"] == {"USD": "1.0900"}
    assert response.json()["stale"] is False


async def test_a_provider_that_is_down_leaves_the_last_rates_served(start_currency, ecb, headers):
    ecb.answer(ecb_feed(DAY), OFFLINE)

    async with start_currency(refresh_seconds=0.01) as client:
        await ecb.wait_for_requests(3)  # a failed refresh over
        response = await client.get("/v1/currency/rates", headers=headers)

    assert response.json()["date"] == DAY


async def test_a_document_not_of_the_feeds_shape_leaves_the_last_rates_served(
    start_currency, ecb, headers
):
    ecb.answer(ecb_feed(DAY), b"<html>Maintenance</html>", ecb_feed(NEXT_DAY, {"USD": "oops"}))

    async with start_currency(refresh_seconds=0.01) as client:
        await ecb.wait_for_requests(4)
        response = await client.get("/v1/currency/rates", headers=headers)

    assert response.json()["date"] == DAY


async def test_a_failing_provider_is_asked_again_at_once(start_currency, ecb, headers):
    ecb.answer(503, 429, ecb_feed(DAY))

    async with start_currency() as client:
        response = await client.get("/v1/currency/rates", headers=headers)

    assert response.json()["date"] == DAY
    assert len(ecb.requests) == 3


async def test_without_any_rates_the_service_answers_503(start_currency, ecb, headers):
    ecb.answer(500)

    async with start_currency() as client:
        response = await client.get("/v1/currency/rates", headers=headers)

    assert response.status_code == 503
    assert response.json()["error"]["message"].startswith("No exchange rates yet")


async def test_embedded_mode_serves_the_shipped_snapshot_offline(start_currency, ecb, headers):
    ecb.answer(OFFLINE)
    shipped = CurrencySettings().snapshot_file

    async with start_currency(snapshot_file=shipped) as client:
        response = await client.get(
            "/v1/currency/convert?from=EUR&to=USD&amount=1", headers=headers
        )

    assert response.status_code == 200
    assert response.json()["date"] == "2025-06-13"
    assert response.json()["rate"] == "1.1512"
    assert response.json()["stale"] is True


async def test_rates_served_while_the_provider_is_down_say_they_are_stale(
    start_currency, ecb, headers
):
    ecb.answer(ecb_feed(DAY), OFFLINE)

    async with start_currency(refresh_seconds=0.01) as client:
        await ecb.wait_for_requests(3)  # a failed refresh over
        rates = await client.get("/v1/currency/rates", headers=headers)
        converted = await client.get(
            "/v1/currency/convert?from=EUR&to=USD&amount=1", headers=headers
        )

    assert (rates.json()["stale"], rates.json()["date"]) == (True, DAY)
    assert (converted.json()["stale"], converted.json()["date"]) == (True, DAY)


async def test_rates_the_provider_confirms_again_are_fresh_again(start_currency, ecb, headers):
    ecb.answer(ecb_feed(DAY), OFFLINE, ecb_feed(NEXT_DAY))

    async with start_currency(refresh_seconds=0.01) as client:
        await ecb.wait_for_requests(4)  # the third answer taken, and the refresh over
        response = await client.get("/v1/currency/rates", headers=headers)

    assert (response.json()["stale"], response.json()["date"]) == (False, NEXT_DAY)
