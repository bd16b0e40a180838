"""The Google Maps service in-process over ASGI on the test Redis, with a fake Google at the
HTTP transport answering in the shapes Google documents."""

from collections.abc import Callable

import httpx
import pytest

from misc.google_maps.app import create_app
from misc.google_maps.settings import GoogleMapsSettings
from shared.utilities.redis import create_redis
from tests.factories import user_headers

GOOGLE_URL = "https://maps.google.test"
API_KEY = "AIzaTestKey-never-shown"

AUTOCOMPLETE_ANSWER = {
    "predictions": [
        {
            "description": "Paris, France",
            "matched_substrings": [{"length": 5, "offset": 0}],
            "place_id": "ChIJD7fiBh9u5kcRYJSMaMOCCwQ",
            "reference": "ChIJD7fiBh9u5kcRYJSMaMOCCwQ",
            "structured_formatting": {
                "main_text": "Paris",
                "main_text_matched_substrings": [{"length": 5, "offset": 0}],
                "secondary_text": "France",
            },
            "terms": [{"offset": 0, "value": "Paris"}, {"offset": 7, "value": "France"}],
            "types": ["locality", "political", "geocode"],
        }
    ],
    "status": "OK",
}
DETAILS_ANSWER = {
    "html_attributions": [],
    "result": {
        "address_components": [
            {"long_name": "48", "short_name": "48", "types": ["street_number"]},
            {"long_name": "Pirrama Road", "short_name": "Pirrama Rd", "types": ["route"]},
        ],
        "formatted_address": "48 Pirrama Rd, Pyrmont NSW 2009, Australia",
        "geometry": {"location": {"lat": -33.866489, "lng": 151.1958561}},
        "international_phone_number": "+61 2 9374 4000",
        "name": "Google Workplace 6",
        "opening_hours": {
            "open_now": False,
            "periods": [
                {"close": {"day": 1, "time": "1700"}, "open": {"day": 1, "time": "0900"}},
                {"close": {"day": 2, "time": "1700"}, "open": {"day": 2, "time": "0900"}},
            ],
            "weekday_text": [
                "Monday: 9:00 AM \u2013 5:00 PM",
                "Tuesday: 9:00 AM \u2013 5:00 PM",
                "Wednesday: Closed",
                "Thursday: Closed",
                "Friday: Closed",
                "Saturday: Closed",
                "Sunday: Closed",
            ],
        },
        "photos": [
            {
                "height": 3024,
                "html_attributions": [
                    '<a href="https://maps.google.com/maps/contrib/117">A Google User</a>'
                ],
                "photo_reference": "AUacShh3_Dd8yvV2JZMtNjjbbSbFhSv-0VmUN-uasQ2Oj00XB63irPTks0",
                "width": 4032,
            },
            {
                "height": 1200,
                "html_attributions": [
                    '<a href="https://maps.google.com/maps/contrib/118">Another User</a>'
                ],
                "photo_reference": "AUacShgcA4OEk4e3OeT3R0NSkWAKpVXXdtJUGEFq5FIYjQMvDyS2tlGm",
                "width": 1600,
            },
        ],
        "place_id": "ChIJN1t_tDeuEmsRUsoyG83frY4",
        "types": ["point_of_interest", "establishment"],
        "website": "http://google.com/",
    },
    "status": "OK",
}
# Where Place Photos redirects for a photo: the image on Google's public image host.
PHOTO_PATH = "/maps/api/place/photo"
PHOTO_IMAGE_URL = "https://lh3.googleusercontent.com/places/ANXAkqF-photo=s1600-w1600"
GEOCODE_ANSWER = {
    "results": [
        {
            "address_components": [
                {"long_name": "1600", "short_name": "1600", "types": ["street_number"]},
                {
                    "long_name": "Amphitheatre Parkway",
                    "short_name": "Amphitheatre Pkwy",
                    "types": ["route"],
                },
            ],
            "formatted_address": "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA",
            "geometry": {
                "location": {"lat": 37.4224428, "lng": -122.0842467},
                "location_type": "ROOFTOP",
                "viewport": {
                    "northeast": {"lat": 37.4239627802915, "lng": -122.0829089197085},
                    "southwest": {"lat": 37.4212648197085, "lng": -122.0856068802915},
                },
            },
            "place_id": "ChIJeRpOeF67j4AR9ydy_PIzPuM",
            "plus_code": {"compound_code": "CWC8+X8 Mountain View", "global_code": "849VCWC8+X8"},
            "types": ["street_address"],
        }
    ],
    "status": "OK",
}
ANSWERS_BY_PATH = {
    "/maps/api/place/autocomplete/json": AUTOCOMPLETE_ANSWER,
    "/maps/api/place/details/json": DETAILS_ANSWER,
    "/maps/api/geocode/json": GEOCODE_ANSWER,
}


class FakeGoogle:
    """Google's web services: each path's documented answer unless `answer` says otherwise.

    An answer given to `answer` is a JSON body (200), an HTTP status (empty body) or an httpx
    exception to raise; they are given in turn, then the last one again and again."""

    def __init__(self) -> None:
        self.answers: list[dict | int | Exception] = []
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def answer(self, *answers: dict | int | Exception) -> None:
        self.answers = list(answers)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.answers and request.url.path == PHOTO_PATH:
            return httpx.Response(302, headers={"location": PHOTO_IMAGE_URL})
        if not self.answers:
            return httpx.Response(200, json=ANSWERS_BY_PATH[request.url.path])
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, int):
            return httpx.Response(answer)
        return httpx.Response(200, json=answer)

    @property
    def last_params(self) -> dict[str, str]:
        return dict(self.requests[-1].url.params)


@pytest.fixture
def google() -> FakeGoogle:
    return FakeGoogle()


@pytest.fixture(autouse=True)
async def forget_answers_and_quotas():
    """Each test starts with nothing cached and nothing counted."""
    redis = create_redis(GoogleMapsSettings().redis_url)
    keys = [key async for key in redis.scan_iter("google_maps:*")]
    if keys:
        await redis.delete(*keys)
    await redis.aclose()


@pytest.fixture
def start_maps(client_for, google) -> Callable:
    """`async with start_maps(**settings) as client`."""

    def start(**overrides):
        fields = {"api_key": API_KEY, "base_url": GOOGLE_URL, **overrides}
        return client_for(create_app(GoogleMapsSettings(**fields), transport=google.transport))

    return start


@pytest.fixture
async def maps(start_maps):
    async with start_maps() as client:
        yield client


@pytest.fixture
def headers() -> dict[str, str]:
    return user_headers()
