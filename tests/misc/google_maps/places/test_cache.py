"""Answers are cached by query in Redis, shared by every account."""

from tests.factories import user_headers

AUTOCOMPLETE = "/v1/maps/places/autocomplete"


async def test_the_same_query_again_is_answered_without_asking_google(maps, google, headers):
    first = await maps.get(f"{AUTOCOMPLETE}?input=Paris", headers=headers)

    again = await maps.get(f"{AUTOCOMPLETE}?input=Paris", headers=user_headers())

    assert again.json() == first.json()
    assert len(google.requests) == 1


async def test_another_query_asks_google(maps, google, headers):
    await maps.get(f"{AUTOCOMPLETE}?input=Paris", headers=headers)

    await maps.get(f"{AUTOCOMPLETE}?input=Paris&language=fr", headers=headers)

    assert len(google.requests) == 2


async def test_a_failure_is_not_cached(maps, google, headers):
    google.answer({"status": "UNKNOWN_ERROR"}, {"predictions": [], "status": "ZERO_RESULTS"})
    await maps.get(f"{AUTOCOMPLETE}?input=Paris", headers=headers)

    response = await maps.get(f"{AUTOCOMPLETE}?input=Paris", headers=headers)

    assert response.status_code == 200
    assert len(google.requests) == 2
