"""A new review at or below the threshold tells the chosen users (notification centre and
email), one above tells nobody; the weekly digest goes once a week; the figures."""

from datetime import UTC, datetime, timedelta

from shared.domain.reviews.alerts import alert_on, send_due_digests
from shared.domain.reviews.repository import settings_of
from shared.domain.reviews.stats import summarise
from shared.models.notification import Notification
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import Review
from tests.factories import create_account, create_membership, create_user
from tests.reputation_factories import create_review

NOW = datetime(2024, 5, 8, 9, tzinfo=UTC)


def platform_messages(outbox, event: str) -> list[dict]:
    return [
        job.kwargs
        for job in outbox.jobs
        if job.name == "platform_messages.send" and job.kwargs["event"] == event
    ]


async def alerted_account():
    account = await create_account()
    user = await create_user()
    await create_membership(account, user)
    settings = await ReputationSettings(
        account_id=account.id, alert_threshold=2, alert_user_ids=[user.id]
    ).insert()
    return account, user, settings


async def test_a_review_at_the_threshold_tells_the_chosen_users_at_once(outbox):
    account, user, settings = await alerted_account()
    review = await create_review(account.id, rating=2, comment="Cold coffee")

    await alert_on(review, settings)

    (notification,) = await Notification.find_all().to_list()
    assert (notification.user_id, notification.kind) == (user.id, "review_alert")
    assert notification.link == f"/reviews/{review.id}"
    (email,) = platform_messages(outbox, "review_alert")
    assert email["user_id"] == str(user.id) and email["data"]["comment"] == "Cold coffee"


async def test_a_review_above_the_threshold_tells_nobody(outbox):
    account, _, settings = await alerted_account()
    review = await create_review(account.id, rating=3)

    assert await alert_on(review, settings) == []
    assert await Notification.find_all().count() == 0
    assert platform_messages(outbox, "review_alert") == []


async def test_the_digest_goes_once_a_week_with_the_weeks_figures(outbox):
    account, user, settings = await alerted_account()
    settings.digest_user_ids = [user.id]
    await settings.save()
    await create_review(account.id, rating=5, reviewed_at=NOW - timedelta(days=1), reply="Thanks")
    await create_review(account.id, rating=1, reviewed_at=NOW - timedelta(days=2))
    await create_review(account.id, rating=4, reviewed_at=NOW - timedelta(days=10))

    first = await send_due_digests(NOW, 10)
    again = await send_due_digests(NOW + timedelta(days=1), 10)

    assert (first, again) == (1, 0)
    (digest,) = platform_messages(outbox, "reviews_digest")
    figures = {name: digest["data"][name] for name in ("reviews", "average", "unanswered", "low")}
    assert figures == {"reviews": "2", "average": "3.00", "unanswered": "1", "low": "1"}
    assert (await settings_of(account.id)).digest_sent_at == NOW


def test_the_figures_count_average_distribution_volume_and_responses():
    base = datetime(2024, 5, 6, tzinfo=UTC)  # a Monday
    reviews = [
        Review(
            account_id="0" * 24,
            provider="manual",
            provider_review_id="a",
            rating=5,
            reviewed_at=base,
            reply="x",
            first_replied_at=base + timedelta(hours=2),
        ),
        Review(
            account_id="0" * 24,
            provider="manual",
            provider_review_id="b",
            rating=3,
            reviewed_at=base + timedelta(days=8),
        ),
    ]

    stats = summarise(reviews, "week")

    assert (stats.count, stats.average, stats.response_rate) == (2, 4.0, 0.5)
    assert stats.distribution == {"1": 0, "2": 0, "3": 1, "4": 0, "5": 1}
    assert stats.volume == [("2024-05-06", 1), ("2024-05-13", 1)]
    assert stats.average_response_seconds == 7200
