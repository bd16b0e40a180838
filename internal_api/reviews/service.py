"""The reviews inbox: every source's reviews of the account, filtered, counted and recorded by
hand; replies posted where the review lives (Google through the external API), edited and
deleted; drafts from the AI service."""

import secrets
from typing import Any

from beanie import PydanticObjectId

from internal_api.reviews.repository import LocationRepository, TemplateRepository
from internal_api.reviews.schemas import ReplyCreate, ReviewCreate, ReviewFilters, StatsQuery
from internal_api.reviews.siblings import ReviewSiblings
from shared.domain.accounts.repository import account as account_of
from shared.domain.reviews.errors import ReplyNotPossible
from shared.domain.reviews.replies import filled
from shared.domain.reviews.repository import ReviewRepository
from shared.domain.reviews.stats import ReviewStats, summarise
from shared.domain.reviews.writing import record_reply, remove_reply, store_review
from shared.models.base import utc_now
from shared.models.review import ReplyOrigin, Review, ReviewSource
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams

# The most reviews the stats count at once (a filter narrows them).
STATS_LIMIT = 20_000


def query_of(filters: ReviewFilters) -> dict[str, Any]:
    query: dict[str, Any] = {}
    if filters.source is not None:
        query["provider"] = filters.source.value
    if filters.location_id is not None:
        query["location_id"] = PydanticObjectId(filters.location_id)
    if stars := bounds({"$gte": filters.min_rating, "$lte": filters.max_rating}):
        query["rating"] = stars
    if filters.replied is not None:
        query["replied_at"] = {"$ne": None} if filters.replied else None
    if period := bounds({"$gte": filters.since, "$lt": filters.until}):
        query["reviewed_at"] = period
    return query


def bounds(limits: dict[str, Any]) -> dict[str, Any]:
    """The range's bounds that were given."""
    return {op: value for op, value in limits.items() if value is not None}


async def list_reviews(
    principal: Principal, params: PageParams, filters: ReviewFilters
) -> Page[Review]:
    return await ReviewRepository(principal.account_id).paginate(params, query_of(filters))


async def get_review(principal: Principal, review_id: str) -> Review:
    return await ReviewRepository(principal.account_id).get(review_id)


async def create_review(principal: Principal, body: ReviewCreate) -> Review:
    """A manual review: alerted on and auto-replied to like any other new review."""
    location_id = None
    if body.location_id is not None:
        location = await LocationRepository(principal.account_id).get(body.location_id)
        location_id = location.id
    fields = {
        **body.model_dump(exclude={"location_id", "reviewed_at"}),
        "location_id": location_id,
        "reviewed_at": body.reviewed_at or utc_now(),
    }
    review, _ = await store_review(
        principal.account_id, ReviewSource.MANUAL, f"manual-{secrets.token_hex(8)}", fields
    )
    return review


async def stats(principal: Principal, query: StatsQuery) -> ReviewStats:
    reviews = await ReviewRepository(principal.account_id).matching(query_of(query))
    return summarise(reviews[:STATS_LIMIT], query.period)


async def reply_text(principal: Principal, review: Review, body: ReplyCreate) -> str:
    if (body.text is None) == (body.template_id is None):
        raise InvalidInput(
            "Send the reply's text or a template, one of them.",
            details=[{"field": "text", "message": "text or template_id, not both"}],
        )
    if body.text is not None:
        return body.text
    template = await TemplateRepository(principal.account_id).get(str(body.template_id))
    account = await account_of(PydanticObjectId(principal.account_id))
    return filled(template, review, account.name if account else "")


async def reply(
    principal: Principal, review_id: str, body: ReplyCreate, siblings: ReviewSiblings
) -> Review:
    """Post (or replace) the review's reply. A Google review's goes to Google first: refused
    there, nothing changes here (422 `reply_refused`)."""
    review = await get_review(principal, review_id)
    text = await reply_text(principal, review, body)
    if review.provider == ReviewSource.GOOGLE:
        path = f"/v1/e/google-business/accounts/{principal.account_id}/reviews/{review.id}/reply"
        body_sent = {"comment": text, "origin": ReplyOrigin.USER.value, "by": principal.sub}
        await siblings.call(siblings.external_api, "PUT", path, json=body_sent)
        return await get_review(principal, review_id)
    if review.provider == ReviewSource.FACEBOOK:
        raise ReplyNotPossible()
    return await record_reply(review, text, ReplyOrigin.USER, principal.sub)


async def delete_reply(principal: Principal, review_id: str, siblings: ReviewSiblings) -> Review:
    review = await get_review(principal, review_id)
    if review.provider == ReviewSource.GOOGLE:
        path = f"/v1/e/google-business/accounts/{principal.account_id}/reviews/{review.id}/reply"
        await siblings.call(siblings.external_api, "DELETE", path)
        return await get_review(principal, review_id)
    if review.provider == ReviewSource.FACEBOOK:
        raise ReplyNotPossible()
    return await remove_reply(review)


async def draft_reply(
    principal: Principal, review_id: str, tone: str, siblings: ReviewSiblings
) -> dict[str, str]:
    """The AI service's draft of a reply, for the user to edit: nothing is posted."""
    review = await get_review(principal, review_id)
    account = await account_of(PydanticObjectId(principal.account_id))
    inputs = {
        "business_name": account.name if account else "our business",
        "reviewer_name": review.reviewer_name or None,
        "rating": review.rating,
        "review_text": review.comment or "(no text)",
        "tone": tone,
    }
    path = f"/v1/ai/generate/accounts/{principal.account_id}/review-reply"
    answer = await siblings.call(siblings.ai_service, "POST", path, json=inputs)
    return {"reply": answer["result"]["reply"], "prompt_version": answer["prompt_version"]}
