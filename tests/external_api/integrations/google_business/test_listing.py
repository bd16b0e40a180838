"""The account's Business Profile location matching an InstaReport's business, for the queue
manager: matched among the stored locations, then read again from the Business Information
API with its regular hours, as Google documents `locations.get`."""

from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.google import BUSINESS_URL, locations_answer
from tests.external_api.platform_app import from_service
from tests.reputation_factories import create_location

LOCATION_URL = f"{BUSINESS_URL}/v1/locations/7"
BUSINESS = {"name": "Bakery 7", "phone": "+1 415 555 0100", "address": "1 Market Street"}
LOCATION = locations_answer("7")["locations"][0] | {
    "regularHours": {
        "periods": [
            {
                "openDay": "TUESDAY",
                "openTime": {"hours": 8},
                "closeDay": "TUESDAY",
                "closeTime": {"hours": 16, "minutes": 30},
            },
            {
                "openDay": "MONDAY",
                "openTime": {"hours": 8},
                "closeDay": "MONDAY",
                "closeTime": {"hours": 16},
            },
        ]
    }
}


def listing_path(account_id: str) -> str:
    return f"/v1/e/google-business/accounts/{account_id}/listing"


async def test_the_matching_location_is_read_again_with_its_hours(external, fake, account_id):
    await create_connection("google-business", account_id, access_token="ya29.gbp")
    await create_location(account_id, provider_location="6", title="Other Shop")
    await create_location(account_id, provider_location="7", title="Bakery 7", phone="4155550100")
    fake.on("GET", LOCATION_URL, json_answer(LOCATION))

    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 200
    assert response.json() == {
        "source": "google-business",
        "name": "Bakery 7",
        "address": "1 Market St, San Francisco, CA, 94103",
        "phone": "(415) 555-0100",
        "website": "https://bakery.example",
        "hours": ["MON 08:00-16:00", "TUE 08:00-16:30"],
    }
    [request] = fake.sent("GET", LOCATION_URL)
    assert request.headers["authorization"] == "Bearer ya29.gbp"
    assert query_of(request) == {
        "readMask": "name,title,phoneNumbers,websiteUri,storefrontAddress,regularHours"
    }


async def test_no_stored_location_matching_answers_404_without_asking_google(
    external, fake, account_id
):
    await create_connection("google-business", account_id)
    await create_location(account_id, provider_location="6", title="Other Shop")

    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 404
    assert fake.requests == []


async def test_an_account_without_a_connection_answers_not_connected(external, fake, account_id):
    response = await external.post(
        listing_path(account_id), json=BUSINESS, headers=from_service("queue_manager")
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
