"""GET /v1/maps/places/autocomplete: Place Autocomplete on the platform's key."""

from tests.misc.google_maps.conftest import API_KEY, GOOGLE_URL


async def test_predictions_are_googles_in_the_services_shape(maps, headers):
    response = await maps.get("/v1/maps/places/autocomplete?input=Paris", headers=headers)

    assert response.status_code == 200
    assert response.json() == {
        "data": [
            {
                "place_id": "ChIJD7fiBh9u5kcRYJSMaMOCCwQ",
                "description": "Paris, France",
                "main_text": "Paris",
                "secondary_text": "France",
                "types": ["locality", "political", "geocode"],
            }
        ]
    }


async def test_google_is_asked_with_the_input_and_the_platforms_key(maps, google, headers):
    await maps.get("/v1/maps/places/autocomplete?input=Paris&language=fr", headers=headers)

    (request,) = google.requests
    assert request.method == "GET"
    assert str(request.url).startswith(f"{GOOGLE_URL}/maps/api/place/autocomplete/json?")
    assert google.last_params == {"input": "Paris", "language": "fr", "key": API_KEY}


async def test_the_key_is_not_in_the_answer(maps, headers):
    response = await maps.get("/v1/maps/places/autocomplete?input=Paris", headers=headers)

    assert API_KEY not in response.text
    assert API_KEY not in str(response.headers)


async def test_no_match_answers_an_empty_list(maps, google, headers):
    google.answer({"predictions": [], "status": "ZERO_RESULTS"})

    response = await maps.get("/v1/maps/places/autocomplete?input=Qzxw", headers=headers)

    assert response.status_code == 200
    assert response.json() == {"data": []}


async def test_an_empty_input_answers_422_naming_the_field(maps, google, headers):
    response = await maps.get("/v1/maps/places/autocomplete?input=", headers=headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.input"
    assert google.requests == []


async def test_a_request_without_a_token_answers_401(maps, google):
    response = await maps.get("/v1/maps/places/autocomplete?input=Paris")

    assert response.status_code == 401
    assert google.requests == []
