"""/v1/reviews: the inbox, its figures, manual reviews, and replies (posted, drafted,
deleted)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.reviews import service
from internal_api.reviews.auth import ReviewsRead, ReviewsWrite
from internal_api.reviews.errors import ProviderNotConnected, ProviderReconnectNeeded
from internal_api.reviews.schemas import (
    DraftCreate,
    DraftRead,
    ReplyCreate,
    ReviewCreate,
    ReviewFilters,
    StatsQuery,
    StatsRead,
)
from internal_api.reviews.siblings import Siblings
from shared.domain.reviews.errors import ReplyNotPossible, ReplyRefused, ReviewsUnavailable
from shared.domain.reviews.repository import REVIEW_SORTS
from shared.domain.reviews.schemas import ReviewRead
from shared.models.review import Review
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])
ReviewPaging = Annotated[PageParams, Depends(sorted_by(REVIEW_SORTS, default="-reviewed_at"))]
REPLY_ERRORS = (
    *SIGNED_IN,
    NotFound,
    InvalidInput,
    ReplyRefused,
    ReplyNotPossible,
    ReviewsUnavailable,
    ProviderNotConnected,
    ProviderReconnectNeeded,
)


@router.get(
    "",
    response_model=Page[ReviewRead],
    summary="The account's reviews from every source, newest first, filtered",
    responses=error_responses(*SIGNED_IN),
)
async def list_reviews(
    principal: ReviewsRead, paging: ReviewPaging, filters: Annotated[ReviewFilters, Query()]
) -> Page[Review]:
    return await service.list_reviews(principal, paging, filters)


@router.post(
    "",
    status_code=201,
    response_model=ReviewRead,
    summary="Record a review by hand",
    description="Alerted on and auto-replied to like a review read from Google.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def create_review(body: ReviewCreate, principal: ReviewsWrite) -> Review:
    return await service.create_review(principal, body)


@router.get(
    "/stats",
    response_model=StatsRead,
    summary="The reviews' figures: average, distribution, volume, response rate and time",
    description="Over the reviews the filters match; `period` buckets the volume by day, week "
    "(from Monday) or month. The response time runs from the review to its first reply.",
    responses=error_responses(*SIGNED_IN),
)
async def read_stats(principal: ReviewsRead, query: Annotated[StatsQuery, Query()]) -> StatsRead:
    stats = await service.stats(principal, query)
    volume = [{"period": period, "reviews": count} for period, count in stats.volume]
    return StatsRead(**{**vars(stats), "volume": volume})


@router.get(
    "/{review_id}",
    response_model=ReviewRead,
    summary="One review",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_review(review_id: str, principal: ReviewsRead) -> Review:
    return await service.get_review(principal, review_id)


@router.put(
    "/{review_id}/reply",
    response_model=ReviewRead,
    summary="Post or edit the review's reply",
    description="The text, or a reply template filled in for the review. A Google review's "
    "reply is posted to Google first (through the external API): refused there, it answers "
    "422 `reply_refused` with Google's words and nothing changes. A Facebook recommendation "
    "takes no reply from here (409 `reply_not_possible`).",
    responses=error_responses(*REPLY_ERRORS),
)
async def put_reply(
    review_id: str, body: ReplyCreate, principal: ReviewsWrite, siblings: Siblings
) -> Review:
    return await service.reply(principal, review_id, body, siblings)


@router.delete(
    "/{review_id}/reply",
    response_model=ReviewRead,
    summary="Delete the review's reply (at Google too)",
    responses=error_responses(*REPLY_ERRORS),
)
async def delete_reply(review_id: str, principal: ReviewsWrite, siblings: Siblings) -> Review:
    return await service.delete_reply(principal, review_id, siblings)


@router.post(
    "/{review_id}/reply-draft",
    response_model=DraftRead,
    summary="An AI-drafted reply to edit before posting it",
    description="Written by the AI service (counted against the account's AI limits); "
    "nothing is posted.",
    responses=error_responses(*SIGNED_IN, NotFound, ReviewsUnavailable),
)
async def draft_reply(
    review_id: str, body: DraftCreate, principal: ReviewsWrite, siblings: Siblings
) -> DraftRead:
    return DraftRead(**await service.draft_reply(principal, review_id, body.tone, siblings))
