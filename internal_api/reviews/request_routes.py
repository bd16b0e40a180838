"""/v1/reviews/requests and /feedback: asking contacts for reviews, and what unhappy customers
said privately."""

from fastapi import APIRouter

from internal_api.reviews import requests
from internal_api.reviews.auth import ReviewsRead, ReviewsWrite
from internal_api.reviews.schemas import FeedbackRead, RequestCreate, RequestRead
from shared.domain.reviews.errors import ContactUnreachable, NoReviewPage
from shared.models.review_feedback import ReviewFeedback
from shared.models.review_request import ReviewRequest
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])


@router.post(
    "/requests",
    status_code=201,
    response_model=RequestRead,
    summary="Ask a contact to review a location, by email or SMS",
    description="Sent through the notification service (the contact's preferences and "
    "opt-outs apply) with the location's review page short link. A contact asked within the "
    "account's `request_window_days` is not asked again: the request is recorded "
    "`suppressed` and nothing is sent.",
    responses=error_responses(*SIGNED_IN, NotFound, ContactUnreachable, NoReviewPage),
)
async def send_request(body: RequestCreate, principal: ReviewsWrite) -> ReviewRequest:
    return await requests.send_request(principal, body)


@router.get(
    "/requests",
    response_model=Page[RequestRead],
    summary="The review requests sent and suppressed",
    responses=error_responses(*SIGNED_IN),
)
async def list_requests(principal: ReviewsRead, params: Paging) -> Page[ReviewRequest]:
    return await requests.list_requests(principal, params)


@router.get(
    "/feedback",
    response_model=Page[FeedbackRead],
    summary="The review pages' answers, with unhappy customers' private feedback",
    responses=error_responses(*SIGNED_IN),
)
async def list_feedback(principal: ReviewsRead, params: Paging) -> Page[ReviewFeedback]:
    return await requests.list_feedback(principal, params)
