"""GET /v1/yext/publishers: Yext's publishers list, cached in Redis and refreshed on a schedule."""

import asyncio
from datetime import datetime

import httpx

from tests.misc.yext_publishers.conftest import API_KEY, PUBLISHERS


async def until(condition, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the condition never held")


async def test_the_publishers_come_from_yext_in_the_platform_shape(service, signed_in):
    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 200
    google, yelp = response.json()["publishers"]
    assert google["id"] == "GOOGLEMYBUSINESS"
    assert google["alternate_brands"] == [
        {"brand_name": "Google Maps", "url": "https://maps.google.com", "listing_url": None}
    ]
    assert google["typical_update_speed"] == 86400
    assert yelp["features"] == []


async def test_the_answer_says_when_the_list_was_fetched(service, signed_in):
    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert datetime.fromisoformat(response.json()["fetched_at"]).tzinfo is not None


async def test_yext_is_asked_with_the_platform_key_and_the_api_version(service, signed_in, yext):
    await service.get("/v1/yext/publishers", headers=signed_in)

    sent = yext.requests[0]
    assert sent.method == "GET"
    assert sent.url.host == "api.yextapis.com"
    assert sent.url.path == "/v2/accounts/me/publishers"
    assert dict(sent.url.params) == {"api_key": API_KEY, "v": "20240101"}


async def test_a_second_request_is_served_from_the_cache(service, signed_in, yext):
    first = await service.get("/v1/yext/publishers", headers=signed_in)
    second = await service.get("/v1/yext/publishers", headers=signed_in)

    assert second.json() == first.json()
    assert len(yext.requests) == 1


async def test_the_list_is_fetched_again_when_the_refresh_interval_passes(
    start_service, signed_in, yext
):
    async with start_service(refresh_seconds=0.2) as service:
        await until(lambda: len(yext.requests) >= 1)
        yext.publishers = [{"id": "BING", "name": "Bing"}]
        await until(lambda: len(yext.requests) >= 2)
        await asyncio.sleep(0.05)  # the refreshed copy is being stored

        response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert [publisher["id"] for publisher in response.json()["publishers"]] == ["BING"]


async def test_a_failed_refresh_keeps_serving_the_cached_copy(start_service, signed_in, yext):
    async with start_service(refresh_seconds=0.2) as service:
        await service.get("/v1/yext/publishers", headers=signed_in)
        yext.status = 500
        await until(lambda: len(yext.requests) >= 2)

        response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 200
    assert len(response.json()["publishers"]) == len(PUBLISHERS)


async def test_a_missing_key_answers_503_naming_the_variable(start_service, signed_in, yext):
    async with start_service(api_key="") as service:
        response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 503
    assert "YEXT_PUBLISHERS_API_KEY" in response.json()["error"]["message"]
    assert yext.requests == []


async def test_yext_refusing_the_key_answers_503_naming_the_variable(service, signed_in, yext):
    yext.status = 401

    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 503
    assert "YEXT_PUBLISHERS_API_KEY" in response.json()["error"]["message"]


async def test_a_yext_server_error_answers_502(service, signed_in, yext):
    yext.status = 500

    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 502


async def test_an_answer_in_an_unexpected_shape_answers_502(service, signed_in, yext):
    yext.body = {"meta": {"errors": []}, "response": {"count": 0}}

    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 502


async def test_yext_unreachable_answers_502(service, signed_in, yext):
    yext.failure = httpx.ConnectError

    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "bad_gateway"


async def test_yext_too_slow_answers_504(service, signed_in, yext):
    yext.failure = httpx.ReadTimeout

    response = await service.get("/v1/yext/publishers", headers=signed_in)

    assert response.status_code == 504


async def test_a_request_without_a_token_answers_401(service):
    response = await service.get("/v1/yext/publishers")

    assert response.status_code == 401
