"""A review written by any source is published to the account's webhooks: `review.created` when
new, `review.updated` with the fields its reviewer edited, `review.replied` for a reply; an
endpoint subscribed to the type receives it, one subscribed to others does not."""

from datetime import UTC, datetime

import pytest

from queue_manager.webhooks.dispatch import create_deliveries
from shared.domain.reviews.writing import record_reply, store_review
from shared.models.review import ReplyOrigin, ReviewSource
from shared.models.webhook_subscription import WebhookEventType
from tests.factories import create_account
from tests.queue_manager.webhooks.factories import create_subscription
from tests.shared.domain.held import events, holding

GOOGLE = ReviewSource.GOOGLE
FIELDS = {
    "reviewer_name": "Ann Smith",
    "rating": 4,
    "comment": "Lovely bread",
    "reviewed_at": datetime(2024, 3, 1, 10, tzinfo=UTC),
}


@pytest.fixture
async def account(mongo):
    return await create_account()


async def delivered_to(subscriber, event: dict) -> list[dict]:
    """The payloads of the deliveries the event fans out to `subscriber`."""
    deliveries = await create_deliveries(event)
    return [d.payload for d, _ in deliveries if d.subscription_id == subscriber.id]


async def test_a_subscriber_receives_review_created_for_a_new_review(account):
    subscriber = await create_subscription(account, event_types=[WebhookEventType.REVIEW_CREATED])
    async with holding() as outbox:
        review, _ = await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))
        [event] = events(outbox)

    [payload] = await delivered_to(subscriber, event)
    assert payload["type"] == "review.created"
    assert payload["data"]["review"]["id"] == str(review.id)
    assert (payload["data"]["review"]["rating"], payload["data"]["review"]["source"]) == (
        4,
        "google-business",
    )


async def test_an_edited_review_seen_by_a_sync_is_review_updated_with_its_fields(account):
    subscriber = await create_subscription(account, event_types=[WebhookEventType.REVIEW_UPDATED])
    async with holding():
        await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))

    async with holding() as outbox:
        await store_review(account.id, GOOGLE, "g-1", {**FIELDS, "rating": 2, "comment": "Stale"})
        [event] = events(outbox)

    [payload] = await delivered_to(subscriber, event)
    assert payload["type"] == "review.updated"
    assert payload["data"]["fields"] == ["rating", "comment"]
    assert payload["data"]["review"]["comment"] == "Stale"


async def test_a_review_seen_again_unchanged_publishes_nothing(account):
    async with holding():
        await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))

    async with holding() as outbox:
        await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))
        published = events(outbox)

    assert published == []


async def test_a_reply_is_received_by_a_review_replied_subscriber_only(account):
    replied = await create_subscription(account, event_types=[WebhookEventType.REVIEW_REPLIED])
    created = await create_subscription(account, event_types=[WebhookEventType.REVIEW_CREATED])
    async with holding():
        review, _ = await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))

    async with holding() as outbox:
        await record_reply(review, "Thank you, Ann!", ReplyOrigin.USER, by="user-1")
        [event] = events(outbox)

    [payload] = await delivered_to(replied, event)
    assert (payload["type"], payload["data"]["review"]["reply"]) == (
        "review.replied",
        "Thank you, Ann!",
    )
    assert await delivered_to(created, event) == []


async def test_a_reply_found_at_the_provider_is_review_replied(account):
    async with holding():
        await store_review(account.id, GOOGLE, "g-1", dict(FIELDS))

    async with holding() as outbox:
        await store_review(account.id, GOOGLE, "g-1", {**FIELDS, "reply": "Thanks!"})
        published = [event["type"] for event in events(outbox)]

    assert published == ["review.replied"]
