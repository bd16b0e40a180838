"""Google's failures, in its `status` or in HTTP, answered clearly and without the key."""

import httpx
import pytest

from tests.misc.google_maps.conftest import API_KEY

AUTOCOMPLETE = "/v1/maps/places/autocomplete?input=Paris"
DENIED = {
    "predictions": [],
    "status": "REQUEST_DENIED",
    "error_message": f"The provided API key is invalid. ({API_KEY})",
}


@pytest.mark.parametrize(
    ("google_answer", "status"),
    [
        ({"predictions": [], "status": "INVALID_REQUEST"}, 422),
        ({"predictions": [], "status": "OVER_QUERY_LIMIT"}, 429),
        (DENIED, 502),
        ({"predictions": [], "status": "UNKNOWN_ERROR"}, 502),
        (429, 429),
        (503, 502),
        (403, 502),
        (httpx.ConnectError("unreachable"), 502),
        (httpx.ReadTimeout("too slow"), 504),
    ],
)
async def test_a_google_failure_answers_a_clear_status(
    maps, google, headers, google_answer, status
):
    google.answer(google_answer)

    response = await maps.get(AUTOCOMPLETE, headers=headers)

    assert response.status_code == status
    assert API_KEY not in response.text


async def test_a_denied_request_says_google_refused_without_googles_message(maps, google, headers):
    google.answer(DENIED)

    response = await maps.get(AUTOCOMPLETE, headers=headers)

    assert response.json()["error"]["message"] == "Google Maps refused the platform's request."


async def test_a_failing_google_is_asked_again_at_once(maps, google, headers):
    google.answer(500, 429, {"predictions": [], "status": "ZERO_RESULTS"})

    response = await maps.get(AUTOCOMPLETE, headers=headers)

    assert response.status_code == 200
    assert len(google.requests) == 3


async def test_an_invalid_request_is_not_asked_again(maps, google, headers):
    google.answer({"predictions": [], "status": "INVALID_REQUEST"})

    await maps.get(AUTOCOMPLETE, headers=headers)

    assert len(google.requests) == 1


async def test_without_a_key_the_service_answers_503_naming_the_variable(
    start_maps, google, headers
):
    async with start_maps(api_key="") as maps:
        response = await maps.get(AUTOCOMPLETE, headers=headers)

    assert response.status_code == 503
    assert "GOOGLE_MAPS_API_KEY" in response.json()["error"]["message"]
    assert google.requests == []
