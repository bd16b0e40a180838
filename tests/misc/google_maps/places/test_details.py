"""GET /v1/maps/places/{place_id}: Place Details, asking Google only for the fields we answer."""

from misc.google_maps.places.service import DETAILS_FIELDS
from tests.misc.google_maps.conftest import API_KEY

PLACE_ID = "ChIJN1t_tDeuEmsRUsoyG83frY4"


async def test_a_place_is_described(maps, headers):
    response = await maps.get(f"/v1/maps/places/{PLACE_ID}", headers=headers)

    assert response.status_code == 200
    assert response.json() == {
        "place_id": PLACE_ID,
        "name": "Google Workplace 6",
        "formatted_address": "48 Pirrama Rd, Pyrmont NSW 2009, Australia",
        "location": {"lat": -33.866489, "lng": 151.1958561},
        "types": ["point_of_interest", "establishment"],
        "address_components": [
            {"long_name": "48", "short_name": "48", "types": ["street_number"]},
            {"long_name": "Pirrama Road", "short_name": "Pirrama Rd", "types": ["route"]},
        ],
        "international_phone_number": "+61 2 9374 4000",
        "website": "http://google.com/",
    }


async def test_google_is_asked_for_the_place_and_its_fields_only(maps, google, headers):
    await maps.get(f"/v1/maps/places/{PLACE_ID}", headers=headers)

    assert google.requests[-1].url.path == "/maps/api/place/details/json"
    assert google.last_params == {"place_id": PLACE_ID, "fields": DETAILS_FIELDS, "key": API_KEY}


async def test_a_place_google_does_not_know_answers_404(maps, google, headers):
    google.answer({"html_attributions": [], "status": "NOT_FOUND"})

    response = await maps.get("/v1/maps/places/ChIJgone", headers=headers)

    assert response.status_code == 404


async def test_a_place_that_no_longer_exists_answers_404(maps, google, headers):
    google.answer({"html_attributions": [], "status": "ZERO_RESULTS"})

    response = await maps.get("/v1/maps/places/ChIJclosed", headers=headers)

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No place has the id ChIJclosed."
