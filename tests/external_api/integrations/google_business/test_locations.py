"""Business Profile locations: every page read with the documented readMask, stored once per
location, listed for the account."""

from shared.models.business_location import BusinessLocation
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.google import BUSINESS_URL, locations_answer

LOCATIONS = f"{BUSINESS_URL}/v1/accounts/111/locations"
SYNC = "/v1/e/google-business/accounts/111/locations/sync"


async def test_locations_are_asked_as_documented_page_by_page(external, admin, fake, account_id):
    fake.on(
        "GET",
        LOCATIONS,
        json_answer(locations_answer("1", next_page_token="page-2")),
        json_answer(locations_answer("2")),
    )
    await create_connection("google-business", account_id, access_token="ya29.gbp")

    response = await external.post(SYNC, headers=admin)

    assert response.status_code == 200
    first, second = fake.requests
    assert first.headers["authorization"] == "Bearer ya29.gbp"
    assert query_of(first) == {
        "readMask": "name,title,phoneNumbers,websiteUri,storefrontAddress",
        "pageSize": "100",
    }
    assert query_of(second)["pageToken"] == "page-2"
    assert [location["provider_location"] for location in response.json()] == ["1", "2"]


async def test_a_location_is_stored_normalised(external, admin, fake, account_id):
    fake.on("GET", LOCATIONS, json_answer(locations_answer("7")))
    await create_connection("google-business", account_id)

    await external.post(SYNC, headers=admin)

    stored = await BusinessLocation.find_one({"provider_location": "7"})
    assert stored.title == "Bakery 7"
    assert stored.provider_account == "111"
    assert stored.phone == "(415) 555-0100"
    assert stored.address.lines == ["1 Market St"]
    assert (stored.address.locality, stored.address.country) == ("San Francisco", "US")


async def test_reading_again_updates_rather_than_duplicates(external, admin, fake, account_id):
    renamed = locations_answer("7")
    renamed["locations"][0]["title"] = "Bakery on Market"
    fake.on("GET", LOCATIONS, json_answer(locations_answer("7")), json_answer(renamed))
    await create_connection("google-business", account_id)

    await external.post(SYNC, headers=admin)
    await external.post(SYNC, headers=admin)

    assert await BusinessLocation.find_all().count() == 1
    assert (await BusinessLocation.find_one()).title == "Bakery on Market"


async def test_stored_locations_are_listed(external, admin, member, fake, account_id):
    fake.on("GET", LOCATIONS, json_answer(locations_answer("1", "2")))
    await create_connection("google-business", account_id)
    await external.post(SYNC, headers=admin)

    listed = (await external.get("/v1/e/google-business/locations", headers=member)).json()

    assert listed["pagination"]["total"] == 2
    assert {item["title"] for item in listed["data"]} == {"Bakery 1", "Bakery 2"}


async def test_an_account_path_that_is_not_a_number_is_refused(external, admin, fake):
    response = await external.post(
        "/v1/e/google-business/accounts/..%2F..%2Fx/locations/sync", headers=admin
    )

    assert response.status_code in (404, 422)
    assert fake.requests == []
