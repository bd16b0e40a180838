"""The one write path of a review, whatever its source: stored once per provider id (a sync
seeing it again updates it), a new one handed to the reputation queue (alerts, auto-reply),
and its reply recorded with who wrote it and when it first came.

Each change is published to the account's webhooks with the caller's outbox: `review.created`
for a new review, `review.updated` (with the fields that changed) for one its reviewer edited,
`review.replied` for a reply posted or edited here or found at the provider."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.reviews.repository import ReviewRepository
from shared.domain.reviews.schemas import ReviewRead
from shared.models.base import utc_now
from shared.models.review import ReplyOrigin, Review
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import REPUTATION_REVIEW_ADDED

# What its reviewer may edit: a change to one is `review.updated`.
EDITABLE = ("reviewer_name", "rating", "comment")


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
    publish(review, WebhookEventType.REVIEW_CREATED)
    return review, True


def publish(review: Review, event: WebhookEventType, fields: list[str] | None = None) -> None:
    data: dict[str, Any] = {"review": ReviewRead.model_validate(review).model_dump(mode="json")}
    if fields is not None:
        data["fields"] = fields
    publish_event(review.account_id, event, data)


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
    edited = [name for name in EDITABLE if name in fields and fields[name] != getattr(review, name)]
    replied = bool(fields.get("reply")) and fields["reply"] != review.reply
    if fields.get("reply") and not review.reply:
        fields = with_origin(fields)
    elif not fields.get("reply", review.reply):
        fields = {**fields, "reply_origin": ReplyOrigin.NONE}
    for name, value in fields.items():
        setattr(review, name, value)
    await review.save_changes()
    if edited:
        publish(review, WebhookEventType.REVIEW_UPDATED, edited)
    if replied:
        publish(review, WebhookEventType.REVIEW_REPLIED)
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
    publish(review, WebhookEventType.REVIEW_REPLIED)
    return review


async def remove_reply(review: Review) -> Review:
    review.reply = ""
    review.replied_at = None
    review.reply_origin = ReplyOrigin.NONE
    review.replied_by = ""
    await review.save_changes()
    return review
