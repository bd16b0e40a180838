"""The one write path of a review, whatever its source: stored once per provider id (a sync
seeing it again updates it), a new one handed to the reputation queue (alerts, auto-reply),
and its reply recorded with who wrote it and when it first came."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.reviews.repository import ReviewRepository
from shared.models.base import utc_now
from shared.models.review import ReplyOrigin, Review
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import REPUTATION_REVIEW_ADDED


async def store_review(
    account_id: PydanticObjectId | str, source: str, provider_review_id: str, fields: dict[str, Any]
) -> tuple[Review, bool]:
    """The review as the source says it is now, and whether it is new. A new one is handed to
    the reputation queue once the caller succeeds; a reply found at the provider is kept as
    the provider's."""
    reviews = ReviewRepository(account_id)
    existing = await reviews.by_source(source, provider_review_id)
    if existing is not None:
        return await updated(existing, fields), False
    try:
        review = await reviews.create(
            provider=source, provider_review_id=provider_review_id, **with_origin(fields)
        )
    except DuplicateKeyError:  # stored by a sync running at the same time
        found = await reviews.by_source(source, provider_review_id)
        assert found is not None, "the review that was stored first"
        return await updated(found, fields), False
    enqueue_job(REPUTATION_REVIEW_ADDED, account_id=str(account_id), review_id=str(review.id))
    return review, True


def with_origin(fields: dict[str, Any]) -> dict[str, Any]:
    """A review read with a reply already on it was answered at the provider."""
    if not fields.get("reply"):
        return fields
    return {
        **fields,
        "reply_origin": ReplyOrigin.PROVIDER,
        "first_replied_at": fields.get("replied_at") or fields.get("reviewed_at"),
    }


async def updated(review: Review, fields: dict[str, Any]) -> Review:
    if fields.get("reply") and not review.reply:
        fields = with_origin(fields)
    elif not fields.get("reply", review.reply):
        fields = {**fields, "reply_origin": ReplyOrigin.NONE}
    for name, value in fields.items():
        setattr(review, name, value)
    await review.save_changes()
    return review


async def record_reply(
    review: Review,
    text: str,
    origin: ReplyOrigin,
    by: str = "",
    at: datetime | None = None,
) -> Review:
    """The review answered (or its reply edited) with `text`, by `by` (a user id)."""
    now = at or utc_now()
    review.reply = text
    review.replied_at = now
    review.first_replied_at = review.first_replied_at or now
    review.reply_origin = origin
    review.replied_by = by
    await review.save_changes()
    return review


async def remove_reply(review: Review) -> Review:
    review.reply = ""
    review.replied_at = None
    review.reply_origin = ReplyOrigin.NONE
    review.replied_by = ""
    await review.save_changes()
    return review
