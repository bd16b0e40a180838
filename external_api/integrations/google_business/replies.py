"""Replies to the account's Google reviews, for the internal API (a user's reply, edited or
deleted) and the queue manager (an auto-reply): posted with Google's reply endpoint, then
recorded on the review through the reviews' write path. Google refusing a reply (its 4xx:
too long, a review gone, a location not verified) answers 422 `reply_refused` with Google's
words, and the review is left as it was."""

from collections.abc import Awaitable
from typing import TypeVar

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_business.client import BusinessProfile
from external_api.integrations.google_business.repository import LocationRepository
from shared.domain.reviews.errors import ReplyRefused
from shared.domain.reviews.repository import ReviewRepository
from shared.domain.reviews.writing import record_reply, remove_reply
from shared.models.business_location import BusinessLocation
from shared.models.review import ReplyOrigin, Review, ReviewSource
from shared.utilities.errors import Forbidden, InvalidInput, NotFound

AnswerT = TypeVar("AnswerT")


async def google_review(account_id: str, review_id: str) -> tuple[Review, BusinessLocation]:
    review = await ReviewRepository(account_id).get(review_id)
    if review.provider != ReviewSource.GOOGLE or review.location_id is None:
        raise NotFound(f"Review {review_id} is no Google review.")
    return review, await LocationRepository(account_id).get(review.location_id)


async def refused_as_reply(call: Awaitable[AnswerT]) -> AnswerT:
    try:
        return await call
    except (InvalidInput, Forbidden, NotFound) as error:
        raise ReplyRefused(f"Google refused the reply: {error.message}") from None


async def post_reply(
    http: ConnectedHttp,
    reviews_url: str,
    account_id: str,
    review_id: str,
    comment: str,
    origin: ReplyOrigin,
    by: str,
) -> Review:
    review, location = await google_review(account_id, review_id)
    profile = BusinessProfile(http, reviews_url)
    await refused_as_reply(
        profile.put_reply(
            location.provider_account,
            location.provider_location,
            review.provider_review_id,
            comment,
        )
    )
    return await record_reply(review, comment, origin, by)


async def delete_reply(
    http: ConnectedHttp, reviews_url: str, account_id: str, review_id: str
) -> Review:
    review, location = await google_review(account_id, review_id)
    profile = BusinessProfile(http, reviews_url)
    await refused_as_reply(
        profile.delete_reply(
            location.provider_account, location.provider_location, review.provider_review_id
        )
    )
    return await remove_reply(review)
