"""A location's review page with its tracked short link; review requests sent, then
suppressed inside the window; the public page sending happy customers on to the review link
and unhappy ones to the private feedback form, once."""

import pytest

from shared.models.review_feedback import ReviewFeedback
from shared.models.review_page import ReviewPage
from shared.models.short_link import ShortLink
from tests.factories import create_contact, create_signed_in
from tests.reputation_factories import create_location

REVIEWS = "/v1/reviews"
PUBLIC = "/v1/reviews/public/pages"
PAGE = {"title": "Bakery", "review_url": "https://g.page/r/bakery/review", "happy_from": 4}


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def page_of(api, owner) -> dict:
    location = await create_location(owner.account.id)
    response = await api.put(
        f"{REVIEWS}/locations/{location.id}/page", json=PAGE, headers=owner.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_page_is_made_with_a_tracked_short_link_to_its_public_page(api, owner):
    page = await page_of(api, owner)

    link = await ShortLink.get(page["short_link_id"])
    assert page["short_url"].endswith(link.code)
    assert link.account_id == owner.account.id
    assert link.target.startswith("http://localhost:5000/review/")
    assert "utm_source=review-request" in link.target


async def test_a_request_is_sent_then_suppressed_inside_the_window(api, owner):
    page = await page_of(api, owner)
    contact = await create_contact(owner.account)
    body = {"contact_id": str(contact.id), "location_id": page["location_id"], "channel": "email"}

    first = await api.post(f"{REVIEWS}/requests", json=body, headers=owner.headers)
    second = await api.post(f"{REVIEWS}/requests", json=body, headers=owner.headers)

    assert (first.status_code, first.json()["status"]) == (201, "sent")
    assert second.json()["status"] == "suppressed"
    listed = await api.get(f"{REVIEWS}/requests", headers=owner.headers)
    assert listed.json()["pagination"]["total"] == 2


async def test_another_accounts_contact_cannot_be_asked(api, owner):
    page = await page_of(api, owner)
    theirs = await create_contact((await create_signed_in()).account)
    body = {"contact_id": str(theirs.id), "location_id": page["location_id"]}

    response = await api.post(f"{REVIEWS}/requests", json=body, headers=owner.headers)

    assert response.status_code == 404
    assert (await api.get(f"{REVIEWS}/requests", headers=owner.headers)).json()["data"] == []


async def test_a_happy_answer_goes_on_to_the_review_link(api, owner):
    token = await page_token(await page_of(api, owner))

    answer = await api.post(f"{PUBLIC}/{token}/answers", json={"rating": 5})

    assert answer.json()["route"] == "review"
    assert answer.json()["review_url"] == PAGE["review_url"]
    (stored,) = await ReviewFeedback.find_all().to_list()
    assert (stored.rating, stored.feedback) == (5, "")


async def page_token(page: dict) -> str:
    return (await ReviewPage.get(page["id"])).token


async def test_an_unhappy_answer_goes_to_the_private_form_and_its_feedback_is_taken_once(
    api, owner
):
    token = await page_token(await page_of(api, owner))

    answer = await api.post(f"{PUBLIC}/{token}/answers", json={"rating": 2})
    path = f"{PUBLIC}/{token}/answers/{answer.json()['answer_id']}/feedback"
    given = await api.post(path, json={"feedback": "Cold bread", "email": "c@example.test"})
    again = await api.post(path, json={"feedback": "Changed"})

    assert (answer.json()["route"], answer.json()["review_url"]) == ("feedback", None)
    assert given.status_code == 204
    assert again.json()["error"]["code"] == "feedback_not_asked"
    (stored,) = await ReviewFeedback.find_all().to_list()
    assert (stored.rating, stored.feedback) == (2, "Cold bread")
    listed = await api.get(f"{REVIEWS}/feedback", headers=owner.headers)
    assert listed.json()["data"][0]["feedback"] == "Cold bread"


async def test_an_unknown_page_answers_404(api):
    response = await api.post(f"{PUBLIC}/not-a-real-page-token/answers", json={"rating": 5})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "review_page_not_found"
