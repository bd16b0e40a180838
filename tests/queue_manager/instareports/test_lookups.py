"""An InstaReport's lookups as the queue manager makes them, against the external API and the
maps service on real ports (their providers faked at the transport): a connected source's
matching location read, one not connected left out; the place beside its competitors, asked
for the account and its agency; a maps service that does not answer leaves the part unread."""

import pytest
from beanie import PydanticObjectId

from external_api.app import create_app as external_app
from misc.google_maps.app import create_app as maps_app
from misc.google_maps.settings import GoogleMapsSettings
from queue_manager.celery import settings
from queue_manager.instareports.lookups import competitors, listings
from shared.domain.instareports.listings import BusinessListing
from shared.models.instareport import Business, Competitor
from shared.utilities.redis import create_redis
from tests.external_api.conftest import external_settings
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.yext import ACCOUNT_ID, API, API_KEY, ENTITY, wrapped
from tests.external_api.integrations.connections import create_key_connection
from tests.fixtures import running
from tests.misc.google_maps.conftest import API_KEY as MAPS_KEY
from tests.misc.google_maps.conftest import GOOGLE_URL, FakeGoogle
from tests.misc.google_maps.places.test_competitors import DETAILS, NEARBY, PLACE_ID

BUSINESS = Business(name="Dee's Doughnuts", phone="+1 555 555 0100")
PLACED = BUSINESS.model_copy(update={"place_id": PLACE_ID})
ADDRESSED = BUSINESS.model_copy(update={"address": "1600 Champa St, Denver"})
FOUND = {"candidates": [{"place_id": PLACE_ID}], "status": "OK"}


@pytest.fixture
async def fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def external_api(mongo, fake, monkeypatch):
    async with running(external_app(external_settings(), fake.transport())) as url:
        monkeypatch.setattr(settings, "external_api_url", url)
        yield url


@pytest.fixture
def google() -> FakeGoogle:
    return FakeGoogle()


@pytest.fixture
async def maps(google, monkeypatch):
    """The maps service with nothing cached (another test may have asked the same place)."""
    redis = create_redis(GoogleMapsSettings().redis_url)
    if keys := [key async for key in redis.scan_iter("google_maps:*")]:
        await redis.delete(*keys)
    await redis.aclose()
    maps_settings = GoogleMapsSettings(api_key=MAPS_KEY, base_url=GOOGLE_URL)
    async with running(maps_app(maps_settings, transport=google.transport)) as url:
        monkeypatch.setattr(settings, "google_maps_url", url)
        yield url


async def test_a_connected_sources_matching_location_is_read(external_api, fake):
    account_id = PydanticObjectId()
    await create_key_connection("yext", str(account_id), API_KEY, ACCOUNT_ID)
    entities = wrapped({"count": 1, "entities": [ENTITY["response"]]})
    fake.on("GET", f"{API}/accounts/{ACCOUNT_ID}/entities", json_answer(entities))

    found = await listings(account_id, BUSINESS)

    assert list(found) == ["yext"]  # Google Business Profile is not connected: left out
    assert isinstance(found["yext"], BusinessListing)
    assert (found["yext"].name, found["yext"].phone) == ("Dee's Doughnuts", "+15555550100")


async def test_the_place_is_read_beside_its_competitors(maps, google):
    account_id, agency_id = PydanticObjectId(), PydanticObjectId()
    google.answer(DETAILS, NEARBY)

    standing = await competitors(account_id, agency_id, PLACED)

    assert standing.category == "bakery"
    assert standing.business == Competitor(name="Dee's Doughnuts", rating=4.2, reviews=87)
    assert standing.competitors == [Competitor(name="Rise Bakery", rating=4.7, reviews=310)]
    assert google.requests[-1].url.params["radius"] == "5000"


async def test_a_business_without_a_place_id_is_found_by_its_name_and_address(maps, google):
    google.answer(FOUND, DETAILS, NEARBY)

    standing = await competitors(PydanticObjectId(), PydanticObjectId(), ADDRESSED)

    find, details, _ = google.requests
    assert find.url.path == "/maps/api/place/findplacefromtext/json"
    assert dict(find.url.params) == {
        "input": "Dee's Doughnuts, 1600 Champa St, Denver",
        "inputtype": "textquery",
        "fields": "place_id",
        "key": MAPS_KEY,
    }
    assert details.url.params["place_id"] == PLACE_ID
    assert standing.category == "bakery"


async def test_a_business_with_neither_place_nor_address_asks_nothing(maps, google):
    assert await competitors(PydanticObjectId(), PydanticObjectId(), BUSINESS) is None
    assert google.requests == []


async def test_a_maps_service_that_does_not_answer_leaves_no_standing(monkeypatch):
    monkeypatch.setattr(settings, "google_maps_url", "http://127.0.0.1:9")

    assert await competitors(PydanticObjectId(), PydanticObjectId(), PLACED) is None
