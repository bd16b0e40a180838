"""GET /v1/maps/places/{place_id}: Place Details, asking Google only for the fields we answer."""

from misc.google_maps.places.service import DETAILS_FIELDS
from tests.misc.google_maps.conftest import API_KEY, DETAILS_ANSWER, PHOTO_IMAGE_URL, PHOTO_PATH

PLACE_ID = "ChIJN1t_tDeuEmsRUsoyG83frY4"


async def test_a_place_is_described_without_asking_for_photos(maps, google, headers):
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
        "opening_hours": {
            "periods": DETAILS_ANSWER["result"]["opening_hours"]["periods"],
            "weekday_text": DETAILS_ANSWER["result"]["opening_hours"]["weekday_text"],
        },
        "photos": [{**photo, "url": None} for photo in DETAILS_ANSWER["result"]["photos"]],
    }
    assert [request.url.path for request in google.requests] == ["/maps/api/place/details/json"]


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


async def test_the_first_photos_asked_for_get_their_public_address(maps, google, headers):
    response = await maps.get(f"/v1/maps/places/{PLACE_ID}?photos=1", headers=headers)

    assert response.status_code == 200
    first, second = response.json()["photos"]
    assert (first["url"], second["url"]) == (PHOTO_IMAGE_URL, None)
    photo_request = google.requests[-1]
    assert photo_request.url.path == PHOTO_PATH
    assert dict(photo_request.url.params) == {
        "photo_reference": DETAILS_ANSWER["result"]["photos"][0]["photo_reference"],
        "maxwidth": "1600",
        "key": API_KEY,
    }


async def test_a_photo_google_gives_no_address_for_answers_502(maps, google, headers):
    google.answer(DETAILS_ANSWER, 200)

    response = await maps.get(f"/v1/maps/places/{PLACE_ID}?photos=1", headers=headers)

    assert response.status_code == 502
    assert API_KEY not in response.text
