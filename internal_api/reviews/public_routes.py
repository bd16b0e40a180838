"""/v1/reviews/public/pages/{token}: a location's review page without a session (a review
request's short link leads there), rate-limited per visitor address and per page."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from internal_api.public.limits import rate_limited
from internal_api.reviews import requests
from internal_api.reviews.errors import FeedbackNotAsked, ReviewPageNotFound
from internal_api.reviews.schemas import AnswerCreate, AnswerRead, FeedbackCreate, PublicPageRead
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(prefix="/v1/reviews/public", tags=["reviews"])
Token = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
AnswerId = Annotated[str, Path(max_length=64)]
PAGE_ERRORS = (ReviewPageNotFound, RateLimited)


@router.get(
    "/pages/{token}",
    response_model=PublicPageRead,
    summary="A review page: the business's name and its first question (no session)",
    dependencies=[Depends(rate_limited("review-page", key_from="token"))],
    responses=error_responses(*PAGE_ERRORS),
)
async def read_page(token: Token) -> PublicPageRead:
    page = await requests.public_page(token)
    return PublicPageRead(title=page.title)


@router.post(
    "/pages/{token}/answers",
    status_code=201,
    response_model=AnswerRead,
    summary="Answer the first question: happy ones go on to the review link (no session)",
    description="A rating at or above the page's `happy_from` answers `route: review` with "
    "the location's public review link; below, `route: feedback`: the private form.",
    dependencies=[Depends(rate_limited("review-answer", key_from="token"))],
    responses=error_responses(*PAGE_ERRORS),
)
async def answer(token: Token, body: AnswerCreate) -> AnswerRead:
    return await requests.answer(token, body.rating)


@router.post(
    "/pages/{token}/answers/{answer_id}/feedback",
    status_code=204,
    summary="An unhappy customer's private feedback, once (no session)",
    dependencies=[Depends(rate_limited("review-feedback", key_from="token"))],
    responses=error_responses(*PAGE_ERRORS, FeedbackNotAsked),
)
async def give_feedback(token: Token, answer_id: AnswerId, body: FeedbackCreate) -> Response:
    await requests.give_feedback(token, answer_id, body)
    return Response(status_code=204)
