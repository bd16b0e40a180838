"""GET /v1/maps/geocode and /v1/maps/reverse-geocode: the Geocoding API both ways."""

from tests.misc.google_maps.conftest import API_KEY

PLACE = {
    "place_id": "ChIJeRpOeF67j4AR9ydy_PIzPuM",
    "formatted_address": "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA",
    "location": {"lat": 37.4224428, "lng": -122.0842467},
    "location_type": "ROOFTOP",
    "types": ["street_address"],
    "address_components": [
        {"long_name": "1600", "short_name": "1600", "types": ["street_number"]},
        {
            "long_name": "Amphitheatre Parkway",
            "short_name": "Amphitheatre Pkwy",
            "types": ["route"],
        },
    ],
}


async def test_an_address_is_geocoded(maps, google, headers):
    address = "1600 Amphitheatre Parkway, Mountain View, CA"

    response = await maps.get("/v1/maps/geocode", params={"address": address}, headers=headers)

    assert response.json() == {"data": [PLACE]}
    assert google.requests[-1].url.path == "/maps/api/geocode/json"
    assert google.last_params == {"address": address, "key": API_KEY}


async def test_a_point_is_reverse_geocoded(maps, google, headers):
    response = await maps.get(
        "/v1/maps/reverse-geocode?lat=37.4224428&lng=-122.0842467", headers=headers
    )

    assert response.json() == {"data": [PLACE]}
    assert google.requests[-1].url.path == "/maps/api/geocode/json"
    assert google.last_params == {"latlng": "37.4224428,-122.0842467", "key": API_KEY}


async def test_an_address_matching_nothing_answers_an_empty_list(maps, google, headers):
    google.answer({"results": [], "status": "ZERO_RESULTS"})

    response = await maps.get("/v1/maps/geocode?address=nowhere+at+all", headers=headers)

    assert response.status_code == 200
    assert response.json() == {"data": []}


async def test_a_latitude_off_the_globe_answers_422_naming_it(maps, headers):
    response = await maps.get("/v1/maps/reverse-geocode?lat=91&lng=0", headers=headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.lat"
