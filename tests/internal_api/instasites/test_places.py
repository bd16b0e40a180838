"""An InstaSite for a Google Maps place: the maps service (faked at the transport, answering
its Place as misc/google_maps does) is asked with the caller's own token, and the place's data
fills what the agency did not give."""

import httpx
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.instasite import Instasite
from tests.factories import create_signed_in
from tests.fixtures import asgi_client

MAPS = "http://maps.test"
PLACE_ID = "ChIJN1t_tDeuEmsRUsoyG83frY4"
PLACE = {
    "place_id": PLACE_ID,
    "name": "Dee's Doughnuts",
    "formatted_address": "12 Main St, Springfield, IL 62701, USA",
    "location": {"lat": 39.8, "lng": -89.6},
    "types": ["bakery", "food", "point_of_interest", "establishment"],
    "address_components": [
        {"long_name": "12", "short_name": "12", "types": ["street_number"]},
        {"long_name": "Main Street", "short_name": "Main St", "types": ["route"]},
        {
            "long_name": "Springfield",
            "short_name": "Springfield",
            "types": ["locality", "political"],
        },
        {
            "long_name": "Illinois",
            "short_name": "IL",
            "types": ["administrative_area_level_1", "political"],
        },
        {"long_name": "United States", "short_name": "US", "types": ["country", "political"]},
        {"long_name": "62701", "short_name": "62701", "types": ["postal_code"]},
    ],
    "international_phone_number": "+1 555-555-0100",
    "website": "https://dees.test/",
    "opening_hours": {
        "periods": [
            *(
                {"open": {"day": day, "time": "0700"}, "close": {"day": day, "time": "1500"}}
                for day in (1, 2, 3, 4, 5)
            ),
            {"open": {"day": 6, "time": "0800"}, "close": {"day": 0, "time": "0000"}},
        ],
        "weekday_text": [],
    },
    "photos": [
        {
            "photo_reference": f"AUacShh{number}",
            "width": 4032,
            "height": 3024,
            "html_attributions": ['<a href="https://maps.google.com/maps/contrib/1">Dee</a>'],
            "url": f"https://lh3.googleusercontent.com/places/photo-{number}=s1600",
        }
        for number in (1, 2)
    ]
    + [
        {
            "photo_reference": "AUacShh3",
            "width": 800,
            "height": 600,
            "html_attributions": [],
            "url": None,
        }
    ],
}


class MapsService:
    """The maps service's answers, and the requests it got."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = httpx.Response(200, json=PLACE)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer


@pytest.fixture(scope="module")
def module_maps() -> MapsService:
    return MapsService()


@pytest.fixture(scope="module")
async def module_places_api(module_maps):
    settings = InternalApiSettings(google_maps_url=MAPS)
    app = create_app(settings, google_maps_transport=httpx.MockTransport(module_maps.handle))
    async with asgi_client(app) as client:
        yield client


@pytest.fixture
def maps(module_maps) -> MapsService:
    module_maps.requests.clear()
    module_maps.answer = httpx.Response(200, json=PLACE)
    return module_maps


@pytest.fixture
def api(module_places_api, maps, mongo):
    return module_places_api


async def ask(api, signed_in, **business):
    body = {"template_id": 1000774, "google_place_id": PLACE_ID, "business": business}
    return await api.post("/v1/instasites", json=body, headers=signed_in.headers)


async def test_the_places_data_fills_what_is_not_given(api, maps):
    owner = await create_signed_in()

    response = await ask(api, owner, category="Doughnut shop")

    assert response.status_code == 202
    business = response.json()["business"]
    assert (business["name"], business["category"], business["phone"]) == (
        "Dee's Doughnuts",
        "Doughnut shop",
        "+1 555-555-0100",
    )
    assert business["address"] == {
        "lines": ["12 Main Street"],
        "locality": "Springfield",
        "region": "IL",
        "postal_code": "62701",
        "country": "US",
    }
    assert response.json()["source"] == "google_maps"


async def test_the_places_opening_hours_and_photos_fill_the_instasite(api, maps):
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.status_code == 202, response.text
    business = response.json()["business"]
    assert business["hours"] == [
        {"days": ["MON", "TUE", "WED", "THU", "FRI"], "opens": "07:00", "closes": "15:00"},
        {"days": ["SAT"], "opens": "08:00", "closes": "24:00"},
    ]
    assert business["photos"] == [
        "https://lh3.googleusercontent.com/places/photo-1=s1600",
        "https://lh3.googleusercontent.com/places/photo-2=s1600",
    ]
    stored = await Instasite.find_one({"account_id": owner.account.id})
    assert len(stored.business.photos) == 2


async def test_a_place_open_around_the_clock_is_open_every_day_all_day(api, maps):
    always = {"periods": [{"open": {"day": 0, "time": "0000"}}], "weekday_text": []}
    maps.answer = httpx.Response(200, json={**PLACE, "opening_hours": always})
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.json()["business"]["hours"] == [
        {
            "days": ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"],
            "opens": "00:00",
            "closes": "24:00",
        }
    ]


async def test_hours_and_photos_given_by_the_agency_win(api, maps):
    owner = await create_signed_in()
    hours = [{"days": ["SUN"], "opens": "10:00", "closes": "14:00"}]

    response = await ask(api, owner, hours=hours, photos=["https://cdn.dees.test/front.jpg"])

    business = response.json()["business"]
    assert business["hours"] == hours
    assert business["photos"] == ["https://cdn.dees.test/front.jpg"]


async def test_the_maps_service_is_asked_with_the_callers_own_token(api, maps):
    owner = await create_signed_in()

    headers = owner.headers

    await api.post(
        "/v1/instasites",
        json={"template_id": 1000774, "google_place_id": PLACE_ID},
        headers=headers,
    )

    [asked] = maps.requests
    assert str(asked.url) == f"{MAPS}/v1/maps/places/{PLACE_ID}?photos=5"
    assert asked.headers["authorization"] == headers["authorization"]


async def test_a_place_google_does_not_know_builds_nothing(api, maps):
    maps.answer = httpx.Response(404, json={"error": {"code": "not_found", "message": "no"}})
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "place_not_found"
    assert await Instasite.find({"account_id": owner.account.id}).count() == 0


async def test_an_unavailable_maps_service_builds_nothing(api, maps):
    maps.answer = httpx.Response(
        503, json={"error": {"code": "service_unavailable", "message": "no"}}
    )
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.json()["error"]["code"] == "places_unavailable"
    assert await Instasite.find({"account_id": owner.account.id}).count() == 0
