"""A request to a contact to review a location, by SMS or email, and what came of it: sent,
or suppressed because the contact was asked within the account's window (the answers on the
review page are `ReviewFeedback`, the clicks its short link's)."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class RequestStatus(StrEnum):
    SENT = "sent"
    SUPPRESSED = "suppressed"  # asked within the window: nothing sent


class ReviewRequest(TenantDocument):
    contact_id: PydanticObjectId
    location_id: PydanticObjectId
    page_id: PydanticObjectId
    channel: str  # email or sms
    status: RequestStatus
    origin: str = "user"  # user:<id>, or automation:<run id>

    class Settings:
        name = "review_requests"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("contact_id", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]


class ReviewRequestMark(TenantDocument):
    """When one contact was last sent a review request: one per contact, moved forward by a
    conditional update, so of two requests racing inside the window only one is sent."""

    contact_id: PydanticObjectId
    sent_at: datetime

    class Settings:
        name = "review_request_marks"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("contact_id", ASCENDING)], unique=True),
        ]
