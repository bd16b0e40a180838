"""/v1/reviews: the inbox filtered, its figures, manual reviews; replies posted to Google
through the external API (its refusal surfaced, nothing changed), drafted by the AI service,
filled from templates; another account's reviews answer 404."""

import pytest

from shared.models.review import Review
from tests.external_api.fakes import json_answer, json_of
from tests.factories import create_signed_in
from tests.internal_api.reviews.conftest import AI_SERVICE, EXTERNAL_API, token_claims
from tests.reputation_factories import create_location, create_review

REVIEWS = "/v1/reviews"


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


def reply_path(review) -> str:
    account, review_id = review.account_id, review.id
    return f"{EXTERNAL_API}/v1/e/google-business/accounts/{account}/reviews/{review_id}/reply"


async def test_the_inbox_lists_the_accounts_reviews_filtered_by_source_and_reply(api, owner):
    await create_review(owner.account.id, provider="google-business", rating=2)
    await create_review(
        owner.account.id, provider="facebook", rating=5, reply="Thanks", replied_at=None
    )
    await create_review((await create_signed_in()).account.id, provider="google-business")

    google = await api.get(f"{REVIEWS}?source=google-business", headers=owner.headers)
    low = await api.get(f"{REVIEWS}?max_rating=2", headers=owner.headers)

    assert [(r["source"], r["rating"], r["reply_status"]) for r in google.json()["data"]] == [
        ("google-business", 2, "unreplied")
    ]
    assert low.json()["pagination"]["total"] == 1


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [("GET", "", None), ("PUT", "/reply", {"text": "Mine"}), ("DELETE", "/reply", None)],
)
async def test_another_accounts_review_answers_404(api, owner, siblings, method, suffix, body):
    theirs = await create_review((await create_signed_in()).account.id, provider="manual")

    response = await api.request(
        method, f"{REVIEWS}/{theirs.id}{suffix}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert siblings.requests == []
    assert (await Review.get(theirs.id)).reply == ""


async def test_a_manual_review_is_recorded_and_counted_in_the_figures(api, owner):
    location = await create_location(owner.account.id)
    await create_review(owner.account.id, rating=4, reply="Thanks")

    created = await api.post(
        REVIEWS,
        json={"location_id": str(location.id), "reviewer_name": "Phone caller", "rating": 2},
        headers=owner.headers,
    )
    stats = await api.get(f"{REVIEWS}/stats?period=month", headers=owner.headers)

    assert created.status_code == 201, created.text
    assert created.json()["source"] == "manual"
    figures = stats.json()
    assert (figures["count"], figures["average"], figures["response_rate"]) == (2, 3.0, 0.5)
    assert figures["distribution"]["2"] == 1


async def test_a_reply_to_a_google_review_goes_through_the_external_api(api, owner, siblings):
    review = await create_review(owner.account.id)

    async def posted(request):
        stored = await Review.get(review.id)
        stored.reply = "Thank you, Ann!"
        await stored.save()
        return json_answer({"id": str(review.id)})

    siblings.on("PUT", reply_path(review), posted)

    response = await api.put(
        f"{REVIEWS}/{review.id}/reply", json={"text": "Thank you, Ann!"}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["reply"] == "Thank you, Ann!"
    (sent,) = siblings.requests
    assert json_of(sent) == {
        "comment": "Thank you, Ann!",
        "origin": "user",
        "by": str(owner.user.id),
    }
    claims = token_claims(sent)
    assert (claims["sub"], claims["aud"], claims["kind"]) == (
        "internal_api",
        "external_api",
        "service",
    )


async def test_a_reply_google_refuses_answers_reply_refused_and_changes_nothing(
    api, owner, siblings
):
    review = await create_review(owner.account.id)
    refusal = {"error": {"code": "reply_refused", "message": "Google refused the reply: too long"}}
    siblings.on("PUT", reply_path(review), json_answer(refusal, 422))

    response = await api.put(
        f"{REVIEWS}/{review.id}/reply", json={"text": "Thanks"}, headers=owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "reply_refused"
    assert "too long" in response.json()["error"]["message"]
    assert (await Review.get(review.id)).reply == ""


async def test_a_draft_is_written_by_the_ai_service_for_the_account(api, owner, siblings):
    review = await create_review(owner.account.id, rating=2, comment="Slow service")
    path = f"{AI_SERVICE}/v1/ai/generate/accounts/{owner.account.id}/review-reply"
    answer = {
        "kind": "review-reply",
        "prompt_version": "review_reply.v1",
        "result": {"reply": "Sorry, Ann."},
    }
    siblings.on("POST", path, json_answer(answer))

    response = await api.post(
        f"{REVIEWS}/{review.id}/reply-draft", json={"tone": "friendly"}, headers=owner.headers
    )

    assert response.json() == {"reply": "Sorry, Ann.", "prompt_version": "review_reply.v1"}
    (sent,) = siblings.requests
    assert json_of(sent)["review_text"] == "Slow service" and json_of(sent)["rating"] == 2
    assert token_claims(sent)["aud"] == "ai_service"
    assert (await Review.get(review.id)).reply == ""  # a draft posts nothing


async def test_a_template_fills_a_manual_reviews_reply(api, owner):
    review = await create_review(owner.account.id, provider="manual", reviewer_name="Ann Smith")
    template = await api.post(
        f"{REVIEWS}/templates",
        json={"name": "Thanks", "text": "Thank you {reviewer_name}, from {business_name}!"},
        headers=owner.headers,
    )

    response = await api.put(
        f"{REVIEWS}/{review.id}/reply",
        json={"template_id": template.json()["id"]},
        headers=owner.headers,
    )

    assert response.json()["reply"] == f"Thank you Ann, from {owner.account.name}!"


async def test_a_facebook_recommendation_takes_no_reply_from_here(api, owner, siblings):
    review = await create_review(owner.account.id, provider="facebook")

    response = await api.put(
        f"{REVIEWS}/{review.id}/reply", json={"text": "Thanks"}, headers=owner.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reply_not_possible"
    assert siblings.requests == []


async def test_only_an_approved_template_may_auto_reply(api, owner):
    template = await api.post(
        f"{REVIEWS}/templates", json={"name": "T", "text": "Thanks!"}, headers=owner.headers
    )

    response = await api.put(
        f"{REVIEWS}/settings",
        json={"auto_reply_template_id": template.json()["id"]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "template_not_approved"
    assert (await api.get(f"{REVIEWS}/settings", headers=owner.headers)).json()[
        "auto_reply_template_id"
    ] is None


async def test_a_reply_without_a_google_connection_answers_not_connected(api, owner, siblings):
    review = await create_review(owner.account.id)
    missing = {"error": {"code": "not_connected", "message": "The account has not connected it."}}
    siblings.on("PUT", reply_path(review), json_answer(missing, 409))

    response = await api.put(
        f"{REVIEWS}/{review.id}/reply", json={"text": "Thanks"}, headers=owner.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert (await Review.get(review.id)).reply == ""
