"""Asking a contact for a review of a location: by email or SMS, with the location's tracked
short link, through the notification service (which honours the contact's preferences and
opt-outs), never twice to one contact within the account's window. Whoever asks (a user, an
automation) goes through `request_review`; a request inside the window is recorded suppressed
and sends nothing."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.reviews.errors import ContactUnreachable, NoReviewPage
from shared.domain.reviews.repository import page_of_location, settings_of, take_request_slot
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.review_request import RequestStatus, ReviewRequest
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import REPUTATION_SEND_REQUEST

CHANNELS = ("email", "sms")


def reachable(contact: Contact, channel: str) -> bool:
    return bool(contact.emails if channel == "email" else contact.phones)


async def request_review(
    contact: Contact,
    location_id: PydanticObjectId,
    channel: str,
    origin: str,
    now: datetime | None = None,
) -> ReviewRequest:
    """The request, sent (its message asked for once the caller succeeds) or suppressed."""
    assert contact.id is not None, "a stored contact"
    if not reachable(contact, channel):
        raise ContactUnreachable(details=[{"field": "channel", "message": f"no {channel}"}])
    page = await page_of_location(contact.account_id, location_id)
    if page is None:
        raise NoReviewPage(details=[{"field": "location_id", "message": "no review page"}])
    now = now or utc_now()
    window = timedelta(days=(await settings_of(contact.account_id)).request_window_days)
    allowed = await take_request_slot(contact.account_id, contact.id, now, now - window)
    request = ReviewRequest(
        account_id=contact.account_id,
        contact_id=contact.id,
        location_id=location_id,
        page_id=page.id,
        channel=channel,
        status=RequestStatus.SENT if allowed else RequestStatus.SUPPRESSED,
        origin=origin,
    )
    await request.insert()
    if allowed:
        enqueue_job(
            REPUTATION_SEND_REQUEST,
            task_id=f"review-request:{request.id}",
            account_id=str(contact.account_id),
            request_id=str(request.id),
        )
    return request
