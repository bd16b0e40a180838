"""GET /v1/maps/accounts/{account_id}/places/{place_id}/competitors: the queue manager's
question for an InstaReport. Place Details for the place's types and rating, then Nearby
Search for its first specific type around it, the place itself and closed places left out; a
business without a place id found by its name and address (Find Place);
another caller is refused, and the account's quota counts the request."""

from beanie import PydanticObjectId

from misc.google_maps.places.service import RATED_FIELDS
from tests.misc.google_maps.conftest import API_KEY
from tests.reputation_factories import service_headers

PLACE_ID = "ChIJ-bakery"
ACCOUNT_ID = str(PydanticObjectId())
URL = f"/v1/maps/accounts/{ACCOUNT_ID}/places/{PLACE_ID}/competitors"
DETAILS = {
    "html_attributions": [],
    "result": {
        "geometry": {"location": {"lat": 39.7392, "lng": -104.9903}},
        "name": "Dee's Doughnuts",
        "place_id": PLACE_ID,
        "rating": 4.2,
        "types": ["bakery", "food", "point_of_interest", "establishment"],
        "user_ratings_total": 87,
    },
    "status": "OK",
}


def nearby_result(place_id: str, name: str, rating: float, total: int, status: str) -> dict:
    """One of Nearby Search's `results`, as documented."""
    return {
        "business_status": status,
        "geometry": {"location": {"lat": 39.74, "lng": -104.99}},
        "name": name,
        "place_id": place_id,
        "rating": rating,
        "types": ["bakery", "food", "point_of_interest", "establishment"],
        "user_ratings_total": total,
        "vicinity": "1600 Champa St, Denver",
    }


NEARBY = {
    "html_attributions": [],
    "results": [
        nearby_result(PLACE_ID, "Dee's Doughnuts", 4.2, 87, "OPERATIONAL"),
        nearby_result("ChIJ-rival", "Rise Bakery", 4.7, 310, "OPERATIONAL"),
        nearby_result("ChIJ-closed", "Old Crumbs", 3.1, 12, "CLOSED_PERMANENTLY"),
    ],
    "status": "OK",
}


def queue_manager() -> dict[str, str]:
    """The queue manager's headers, its short-lived token made when the test asks."""
    return service_headers("queue_manager", "google_maps")


async def test_the_place_is_answered_beside_its_operating_competitors(maps, google):
    google.answer(DETAILS, NEARBY)

    response = await maps.get(URL, headers=queue_manager())

    assert response.status_code == 200
    assert response.json() == {
        "place": {
            "place_id": PLACE_ID,
            "name": "Dee's Doughnuts",
            "rating": 4.2,
            "user_ratings_total": 87,
            "vicinity": "",
        },
        "category": "bakery",
        "competitors": [
            {
                "place_id": "ChIJ-rival",
                "name": "Rise Bakery",
                "rating": 4.7,
                "user_ratings_total": 310,
                "vicinity": "1600 Champa St, Denver",
            }
        ],
    }


async def test_nearby_search_is_asked_for_the_places_type_around_it(maps, google):
    google.answer(DETAILS, NEARBY)

    await maps.get(f"{URL}?radius=2000", headers=queue_manager())

    details, nearby = google.requests
    assert details.url.path == "/maps/api/place/details/json"
    assert dict(details.url.params) == {
        "place_id": PLACE_ID,
        "fields": RATED_FIELDS,
        "key": API_KEY,
    }
    assert nearby.url.path == "/maps/api/place/nearbysearch/json"
    assert dict(nearby.url.params) == {
        "location": "39.7392,-104.9903",
        "radius": "2000",
        "type": "bakery",
        "key": API_KEY,
    }


async def test_a_place_with_only_generic_types_has_no_competitors_searched(maps, google):
    generic = {**DETAILS, "result": {**DETAILS["result"], "types": ["establishment"]}}
    google.answer(generic)

    response = await maps.get(URL, headers=queue_manager())

    assert (response.json()["category"], response.json()["competitors"]) == ("", [])
    assert len(google.requests) == 1


async def test_another_service_may_not_ask(maps, google):
    response = await maps.get(URL, headers=service_headers("internal_api", "google_maps"))

    assert response.status_code == 403
    assert google.requests == []


async def test_the_request_counts_against_the_accounts_daily_quota(start_maps, google):
    google.answer(DETAILS, NEARBY, DETAILS, NEARBY)
    async with start_maps(daily_requests_per_account=1) as maps:
        await maps.get(URL, headers=queue_manager())

        response = await maps.get(URL, headers=queue_manager())

    assert response.status_code == 429
    assert len(google.requests) == 2


async def test_a_business_is_found_by_its_name_and_address(maps, google):
    google.answer({"candidates": [{"place_id": PLACE_ID}], "status": "OK"})

    response = await maps.get(
        f"/v1/maps/accounts/{ACCOUNT_ID}/places/find",
        params={"input": "Dee's Doughnuts, 1600 Champa St, Denver"},
        headers=queue_manager(),
    )

    assert response.json() == {"place_id": PLACE_ID}
    assert google.last_params == {
        "input": "Dee's Doughnuts, 1600 Champa St, Denver",
        "inputtype": "textquery",
        "fields": "place_id",
        "key": API_KEY,
    }


async def test_a_business_google_cannot_find_answers_no_place(maps, google):
    google.answer({"candidates": [], "status": "ZERO_RESULTS"})

    response = await maps.get(
        f"/v1/maps/accounts/{ACCOUNT_ID}/places/find",
        params={"input": "Nowhere"},
        headers=queue_manager(),
    )

    assert response.json() == {"place_id": None}
