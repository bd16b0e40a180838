"""What a new review sets off, and the weekly digest: a review rated at or below the
account's threshold tells its chosen users at once (the notification centre and an email);
each week its digest readers get the week's figures."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.accounts.users import users_among
from shared.domain.notifications.notify import notify
from shared.domain.notifications.platform import tell
from shared.domain.reviews.repository import reviews_between, settings_with_digests_due
from shared.domain.reviews.stats import summarise
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import Review

DIGEST_PERIOD = timedelta(days=7)


def review_path(review: Review) -> str:
    return f"/reviews/{review.id}"


async def alert_on(review: Review, settings: ReputationSettings) -> list[PydanticObjectId]:
    """The users told of the review: none unless it is at or below the threshold."""
    if review.rating > settings.alert_threshold:
        return []
    users = await users_among(review.account_id, settings.alert_user_ids)
    title = f"New {review.rating}-star review from {review.reviewer_name or 'a customer'}"
    for user_id in sorted(users):
        await notify(
            review.account_id,
            user_id,
            kind="review_alert",
            title=title,
            body=review.comment[:200],
            link=review_path(review),
        )
    if users:
        data = {
            "reviewer_name": review.reviewer_name or "A customer",
            "rating": str(review.rating),
            "comment": review.comment[:1000],
            "source": review.provider,
        }
        await tell(
            "review_alert",
            review.account_id,
            data,
            user_ids=sorted(users),
            links={"review_url": review_path(review)},
            key=str(review.id),
        )
    return sorted(users)


async def send_due_digests(now: datetime, limit: int) -> int:
    """The digests of the accounts whose last one is a week old (or that had none)."""
    sent = 0
    for settings in await settings_with_digests_due(now - DIGEST_PERIOD, limit):
        await send_digest(settings, now)
        sent += 1
    return sent


async def send_digest(settings: ReputationSettings, now: datetime) -> None:
    reviews = await reviews_between(settings.account_id, now - DIGEST_PERIOD, now)
    stats = summarise(reviews)
    readers = await users_among(settings.account_id, settings.digest_user_ids)
    if readers:
        data = {
            "reviews": str(stats.count),
            "average": "" if stats.average is None else f"{stats.average:.2f}",
            "unanswered": str(sum(1 for review in reviews if not review.reply)),
            "low": str(sum(1 for r in reviews if r.rating <= max(settings.alert_threshold, 1))),
            "since": (now - DIGEST_PERIOD).date().isoformat(),
        }
        key = f"{settings.account_id}:{now.date().isoformat()}"
        await tell(
            "reviews_digest",
            settings.account_id,
            data,
            user_ids=sorted(readers),
            links={"reviews_url": "/reviews"},
            key=key,
        )
    settings.digest_sent_at = now
    await settings.save()
