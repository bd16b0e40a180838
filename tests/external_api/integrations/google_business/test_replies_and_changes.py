"""Replies posted to Google's documented reply endpoint for the internal API and the queue
manager, Google's refusal surfaced as `reply_refused`; the incremental sync reading only what
changed since the last one; Google's Pub/Sub notifications received."""

import base64
import json

from shared.models.business_location import BusinessLocation
from shared.models.review import Review
from tests.external_api import module_external as one_app
from tests.external_api.factories import create_connection, new_account_id
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.google import REVIEWS_URL, reviews_answer
from tests.reputation_factories import create_location, create_review, service_headers

# One external API for the module (`tests.external_api.module_external`).
module_external, external, fake, jobs = (
    one_app.module_external,
    one_app.external,
    one_app.fake,
    one_app.jobs,
)

REVIEWS = f"{REVIEWS_URL}/v4/accounts/111/locations/222/reviews"


# Service tokens live 60 seconds: each request gets a fresh one.
def internal_api() -> dict[str, str]:
    return service_headers("internal_api", "external_api")


def queue_manager() -> dict[str, str]:
    return service_headers("queue_manager", "external_api")


def reply_url(review: Review) -> str:
    return f"{REVIEWS}/{review.provider_review_id}/reply"


async def google_review(account_id: str) -> Review:
    await create_connection("google-business", account_id, access_token="ya29.gbp")
    location = await create_location(account_id)
    return await create_review(account_id, location_id=location.id)


async def test_a_reply_is_put_to_googles_reply_endpoint_and_recorded(external, fake, account_id):
    review = await google_review(account_id)
    fake.on(
        "PUT",
        reply_url(review),
        json_answer({"comment": "Thank you!", "updateTime": "2024-03-02T09:00:00Z"}),
    )

    response = await external.put(
        f"/v1/e/google-business/accounts/{account_id}/reviews/{review.id}/reply",
        json={"comment": "Thank you!", "by": "user-7"},
        headers=internal_api(),
    )

    assert response.status_code == 200, response.text
    (sent,) = fake.sent("PUT", reply_url(review))
    assert json_of(sent) == {"comment": "Thank you!"}
    assert sent.headers["authorization"] == "Bearer ya29.gbp"
    stored = await Review.get(review.id)
    assert (stored.reply, stored.replied_by, stored.reply_origin) == (
        "Thank you!",
        "user-7",
        "user",
    )


async def test_a_reply_google_refuses_answers_reply_refused_and_changes_nothing(
    external, fake, account_id
):
    review = await google_review(account_id)
    refusal = {
        "error": {
            "code": 400,
            "message": "Request contains an invalid argument.",
            "status": "INVALID_ARGUMENT",
        }
    }
    fake.on("PUT", reply_url(review), json_answer(refusal, 400))

    response = await external.put(
        f"/v1/e/google-business/accounts/{account_id}/reviews/{review.id}/reply",
        json={"comment": "Thanks"},
        headers=internal_api(),
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "reply_refused"
    assert "invalid argument" in error["message"]
    assert (await Review.get(review.id)).reply == ""


async def test_deleting_a_reply_deletes_it_at_google(external, fake, account_id):
    review = await google_review(account_id)
    review.reply = "Old"
    await review.save()
    fake.on("DELETE", reply_url(review), json_answer({}))

    response = await external.delete(
        f"/v1/e/google-business/accounts/{account_id}/reviews/{review.id}/reply",
        headers=queue_manager(),
    )

    assert response.status_code == 200, response.text
    assert len(fake.sent("DELETE", reply_url(review))) == 1
    assert (await Review.get(review.id)).reply == ""


async def test_another_accounts_review_answers_404_and_google_is_not_called(
    external, fake, account_id
):
    review = await google_review(account_id)
    other = new_account_id()
    await create_connection("google-business", other)

    response = await external.put(
        f"/v1/e/google-business/accounts/{other}/reviews/{review.id}/reply",
        json={"comment": "Hi"},
        headers=internal_api(),
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert fake.requests == []
    assert (await Review.get(review.id)).reply == ""


def review_at(review_id: str, update_time: str, comment: str) -> dict:
    review = reviews_answer(review_id)["reviews"][0]
    return {**review, "comment": comment, "updateTime": update_time}


async def test_an_incremental_sync_sees_an_edited_review_and_stops_at_the_last_change(
    external, fake, jobs, account_id
):
    await create_connection("google-business", account_id)
    location = await create_location(account_id)
    path = f"/v1/e/google-business/accounts/{account_id}/locations/{location.id}/reviews/sync"
    first = [
        review_at("r2", "2024-03-02T10:00:00Z", "Nice"),
        review_at("r1", "2024-03-01T10:00:00Z", "Ok"),
    ]
    later = [
        review_at("r1", "2024-03-05T10:00:00Z", "Changed my mind: superb"),
        *first[:1],
        first[1],
    ]
    fake.on("GET", REVIEWS, json_answer({"reviews": first}), json_answer({"reviews": later}))
    assert (await external.post(path, headers=queue_manager())).json() == {"synced": 2}

    second = await external.post(path, headers=queue_manager())

    assert second.json() == {"synced": 1}  # the edited one; r2 and the old r1 are older
    edited = await Review.find_one({"provider_review_id": "r1"})
    assert edited.comment == "Changed my mind: superb"
    assert await Review.find_all().count() == 2
    stored = await BusinessLocation.get(location.id)
    assert stored.reviews_changed_until.isoformat().startswith("2024-03-05T10:00")
    added = [
        kwargs["review_id"] for name, kwargs, _ in jobs.sent if name == "reputation.review_added"
    ]
    assert len(added) == 2  # each review is new once; the edit alerts nobody again


def push(kind: str, message_id: str = "m-1") -> dict:
    data = {
        "notificationType": kind,
        "locationName": "accounts/111/locations/222",
        "reviewName": "accounts/111/locations/222/reviews/r9",
    }
    encoded = base64.b64encode(json.dumps(data).encode()).decode()
    return {
        "message": {"data": encoded, "messageId": message_id},
        "subscription": "projects/p/subscriptions/s",
    }


async def test_a_review_notification_with_the_push_token_is_handed_to_the_queue_manager(
    external, jobs
):
    path = "/v1/e/google-business/webhooks/notifications"

    refused = await external.post(f"{path}?token=wrong", json=push("NEW_REVIEW"))
    accepted = await external.post(f"{path}?token={one_app.PUSH_TOKEN}", json=push("NEW_REVIEW"))

    assert refused.status_code == 401
    assert accepted.json() == {"received": 1, "accepted": 1}
    ((_, kwargs, _),) = [job for job in jobs.sent if job[0] == "integrations.process_webhook"]
    assert kwargs["event"]["data"] == {
        "location": "222",
        "review": "accounts/111/locations/222/reviews/r9",
    }
