"""Review requests a user sends, and the answers of the review pages: the page's first
question (a happy customer goes on to the location's review link, an unhappy one to the
private feedback form), then the unhappy one's feedback."""

from beanie import PydanticObjectId

from internal_api.reviews.errors import FeedbackNotAsked, ReviewPageNotFound
from internal_api.reviews.repository import FeedbackRepository, RequestRepository, answer_on_page
from internal_api.reviews.schemas import AnswerRead, FeedbackCreate, RequestCreate
from shared.domain.contacts.repository import ContactRepository
from shared.domain.reviews.repository import page_by_token
from shared.domain.reviews.requests import request_review
from shared.models.review_feedback import ReviewFeedback
from shared.models.review_page import ReviewPage
from shared.models.review_request import ReviewRequest
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id


async def send_request(principal: Principal, body: RequestCreate) -> ReviewRequest:
    """Sent, or suppressed when the contact was asked inside the account's window."""
    contact = await ContactRepository(principal.account_id).get(body.contact_id)
    if contact.deleted_at is not None:
        raise NotFound(f"Contact {body.contact_id} does not exist.")
    location_id = PydanticObjectId(body.location_id)
    return await request_review(contact, location_id, body.channel, f"user:{principal.sub}")


async def list_requests(principal: Principal, params: PageParams) -> Page[ReviewRequest]:
    return await RequestRepository(principal.account_id).paginate(params)


async def list_feedback(principal: Principal, params: PageParams) -> Page[ReviewFeedback]:
    return await FeedbackRepository(principal.account_id).paginate(params)


async def public_page(token: str) -> ReviewPage:
    page = await page_by_token(token)
    if page is None:
        raise ReviewPageNotFound()
    return page


async def answer(token: str, rating: int) -> AnswerRead:
    page = await public_page(token)
    happy = rating >= page.happy_from
    stored = await FeedbackRepository(page.account_id).create(
        page_id=page.id, location_id=page.location_id, rating=rating
    )
    return AnswerRead(
        answer_id=str(stored.id),
        route="review" if happy else "feedback",
        review_url=page.review_url if happy else None,
    )


async def give_feedback(token: str, answer_id: str, body: FeedbackCreate) -> None:
    page = await public_page(token)
    oid = object_id(answer_id)
    found = await answer_on_page(oid, page.id) if oid else None
    if found is None:
        raise ReviewPageNotFound()
    if found.rating >= page.happy_from or found.feedback:
        raise FeedbackNotAsked()
    for field, value in body.model_dump().items():
        setattr(found, field, value)
    await found.save()
