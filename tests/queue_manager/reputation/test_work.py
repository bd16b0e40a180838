"""The reputation queue's work: a new review's approved auto-reply (posted to Google through
the external API, recorded for a manual review, left for a person when refused), review
requests sent to their contact through the notification service, the sweep asking each due
sync once per period, Google's notification syncing every account holding the location."""

from datetime import UTC, datetime

from queue_manager.integrations.google_business import handle
from queue_manager.reputation import work
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import Review
from shared.models.review_reply_template import ReviewReplyTemplate
from shared.models.review_request import RequestStatus, ReviewRequest
from tests.external_api.fakes import json_answer, json_of
from tests.factories import create_account, create_contact
from tests.queue_manager.reputation.conftest import EXTERNAL_API, NOTIFICATIONS
from tests.reputation_factories import create_location, create_page, create_review


async def auto_replying(account, **template_fields) -> ReputationSettings:
    template = await ReviewReplyTemplate(
        account_id=account.id,
        name="Thanks",
        text="Thank you {reviewer_name}!",
        **{"approved": True, **template_fields},
    ).insert()
    return await ReputationSettings(
        account_id=account.id, auto_reply_template_id=template.id
    ).insert()


def reply_url(review: Review) -> str:
    account, review_id = review.account_id, review.id
    return f"{EXTERNAL_API}/v1/e/google-business/accounts/{account}/reviews/{review_id}/reply"


async def test_a_five_star_google_review_gets_the_approved_auto_reply(outbox, siblings):
    account = await create_account()
    await auto_replying(account)
    review = await create_review(account.id, rating=5, reviewer_name="Ann Smith")
    siblings.on("PUT", reply_url(review), json_answer({"id": str(review.id)}))

    result = await work.on_review_added(str(account.id), str(review.id))

    assert result["auto_reply"] == "posted"
    (sent,) = siblings.requests
    assert json_of(sent) == {"comment": "Thank you Ann!", "origin": "auto"}


async def test_a_manual_reviews_auto_reply_is_recorded_and_a_low_one_gets_none(outbox, siblings):
    account = await create_account()
    await auto_replying(account)
    happy = await create_review(account.id, provider="manual", rating=4)
    unhappy = await create_review(account.id, provider="manual", rating=3)

    await work.on_review_added(str(account.id), str(happy.id))
    await work.on_review_added(str(account.id), str(unhappy.id))

    assert ((await Review.get(happy.id)).reply, (await Review.get(happy.id)).reply_origin) == (
        "Thank you Ann!",
        "auto",
    )
    assert (await Review.get(unhappy.id)).reply == ""
    assert siblings.requests == []


async def test_an_unapproved_template_does_not_auto_reply(outbox, siblings):
    account = await create_account()
    await auto_replying(account, approved=False)
    review = await create_review(account.id, rating=5)

    result = await work.on_review_added(str(account.id), str(review.id))

    assert result["auto_reply"] == "no approved template"
    assert siblings.requests == []


async def test_an_auto_reply_google_refuses_leaves_the_review_for_a_person(outbox, siblings):
    account = await create_account()
    await auto_replying(account)
    review = await create_review(account.id, rating=5)
    refusal = {"error": {"code": "reply_refused", "message": "Google refused the reply"}}
    siblings.on("PUT", reply_url(review), json_answer(refusal, 422))

    result = await work.on_review_added(str(account.id), str(review.id))

    assert result["auto_reply"] == "refused: reply_refused"
    assert (await Review.get(review.id)).reply == ""


async def test_a_request_is_sent_to_its_contact_through_the_notification_service(outbox, siblings):
    account = await create_account()
    contact = await create_contact(account, first_name="Grace")
    page = await create_page(
        await create_location(account.id), title="Bakery", short_url="https://sho.rt/b"
    )
    request = await ReviewRequest(
        account_id=account.id,
        contact_id=contact.id,
        location_id=page.location_id,
        page_id=page.id,
        channel="sms",
        status=RequestStatus.SENT,
    ).insert()
    siblings.on(
        "POST",
        f"{NOTIFICATIONS}/v1/notifications/sms",
        json_answer({"id": "d1", "status": "queued"}, 202),
    )

    await work.send_request(str(account.id), str(request.id))

    (sent,) = siblings.requests
    assert json_of(sent) == {
        "event": "review_request",
        "account_id": str(account.id),
        "contact_id": str(contact.id),
        "data": {
            "business_name": "Bakery",
            "contact_name": "Grace",
            "review_url": "https://sho.rt/b",
        },
    }
    stored = await ReviewRequest.get(request.id)
    assert (stored.delivery_id, stored.delivery_status) == ("d1", "queued")


async def test_the_sweep_asks_each_due_location_once_per_period(outbox):
    account = await create_account()
    due = await create_location(account.id)
    await create_location(account.id, provider_location="333", reviews_synced_at=datetime.now(UTC))

    await work.sweep(datetime.now(UTC))
    await work.sweep(datetime.now(UTC))

    syncs = {job.task_id for job in outbox.jobs if job.name == "reputation.sync_location"}
    assert len(syncs) == 1 and str(due.id) in syncs.pop()


async def test_googles_notification_syncs_every_account_holding_the_location(outbox):
    first, second = await create_account(), await create_account()
    locations = [await create_location(first.id), await create_location(second.id)]

    await handle({"id": "m-1", "type": "NEW_REVIEW", "data": {"location": "222"}})

    asked = sorted(
        job.kwargs["location_id"] for job in outbox.jobs if job.name == "reputation.sync_location"
    )
    assert asked == sorted(str(location.id) for location in locations)
