"""Business Profile reviews: read from the My Business v4 API page by page for a stored
location, stored once per review with its reply, listed for the location."""

from datetime import UTC, datetime

from beanie import PydanticObjectId

from shared.models.business_location import BusinessLocation
from shared.models.review import Review
from tests.external_api.factories import create_connection, new_account_id
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.google import REVIEWS_URL, reviews_answer

REVIEWS = f"{REVIEWS_URL}/v4/accounts/111/locations/222/reviews"


async def create_location(account_id: str) -> BusinessLocation:
    return await BusinessLocation(
        account_id=PydanticObjectId(account_id),
        provider_account="111",
        provider_location="222",
        title="Bakery",
    ).insert()


async def sync(external, headers, location) -> dict:
    url = f"/v1/e/google-business/locations/{location.id}/reviews/sync"
    response = await external.post(url, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_reviews_are_asked_as_documented_page_by_page(external, admin, fake, account_id):
    fake.on(
        "GET",
        REVIEWS,
        json_answer(reviews_answer("r1", next_page_token="next")),
        json_answer(reviews_answer("r2")),
    )
    await create_connection("google-business", account_id, access_token="ya29.gbp")
    location = await create_location(account_id)

    answer = await sync(external, admin, location)

    assert answer == {"synced": 2}
    first, second = fake.requests
    assert first.headers["authorization"] == "Bearer ya29.gbp"
    assert query_of(first) == {"pageSize": "50", "orderBy": "updateTime desc"}
    assert query_of(second)["pageToken"] == "next"


async def test_a_review_is_stored_with_its_rating_and_reply(external, admin, fake, account_id):
    fake.on("GET", REVIEWS, json_answer(reviews_answer("r1")))
    await create_connection("google-business", account_id)
    location = await create_location(account_id)

    await sync(external, admin, location)

    review = await Review.find_one({"provider_review_id": "r1"})
    assert review.location_id == location.id
    assert (review.rating, review.comment, review.reply) == (4, "Great bread", "Thanks!")
    assert review.reviewer_name == "Ann"
    assert review.reviewed_at == datetime(2024, 3, 1, 10, tzinfo=UTC)


async def test_reading_again_does_not_duplicate_reviews(external, admin, fake, account_id):
    fake.on("GET", REVIEWS, json_answer(reviews_answer("r1")))
    await create_connection("google-business", account_id)
    location = await create_location(account_id)

    await sync(external, admin, location)
    await sync(external, admin, location)

    assert await Review.find_all().count() == 1


async def test_the_reviews_of_a_location_are_listed(external, admin, member, fake, account_id):
    fake.on("GET", REVIEWS, json_answer(reviews_answer("r1", "r2")))
    await create_connection("google-business", account_id)
    location = await create_location(account_id)
    await sync(external, admin, location)

    url = f"/v1/e/google-business/locations/{location.id}/reviews"
    listed = (await external.get(url, headers=member)).json()

    assert {item["provider_review_id"] for item in listed["data"]} == {"r1", "r2"}


async def test_another_accounts_location_is_not_found(external, admin, fake, account_id):
    await create_connection("google-business", account_id)
    elsewhere = await create_location(new_account_id())

    url = f"/v1/e/google-business/locations/{elsewhere.id}/reviews/sync"
    response = await external.post(url, headers=admin)

    assert response.status_code == 404
    assert fake.requests == []
