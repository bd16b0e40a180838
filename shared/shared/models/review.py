"""A review of one of an account's businesses, in the account's one reviews inbox: read from
Google Business Profile (by the external API's sync), from the account's Facebook Page's
recommendations, or recorded by hand. Every source is written by
`shared.domain.reviews.writing`, which alerts and auto-replies once per new review."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ReviewSource(StrEnum):
    GOOGLE = "google-business"
    FACEBOOK = "facebook"
    MANUAL = "manual"


class ReplyOrigin(StrEnum):
    NONE = ""
    USER = "user"  # written (or an AI draft edited and posted) by a user
    AUTO = "auto"  # the account's approved auto-reply template
    PROVIDER = "provider"  # found already answered at the provider


class Review(TenantDocument):
    provider: str  # a ReviewSource value
    # The BusinessLocation it is about; None for a Facebook Page's recommendation or a manual
    # review given no location.
    location_id: PydanticObjectId | None = None
    provider_review_id: str  # Google's reviewId, Facebook's open graph story id, ours for manual
    reviewer_name: str = ""
    rating: int  # 1 to 5 (a Facebook recommendation: 5 recommends, 1 does not)
    comment: str = ""
    reply: str = ""
    reviewed_at: datetime
    replied_at: datetime | None = None
    # When the provider last changed it (Google's updateTime): the incremental sync's mark.
    provider_updated_at: datetime | None = None
    # The first reply's time, kept when a reply is edited: the response time is measured to it.
    first_replied_at: datetime | None = None
    reply_origin: ReplyOrigin = ReplyOrigin.NONE
    replied_by: str = ""  # the user who posted the reply

    class Settings:
        name = "reviews"
        use_state_management = True
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("provider", ASCENDING),
                    ("provider_review_id", ASCENDING),
                ],
                unique=True,
            ),
            IndexModel(
                [("account_id", ASCENDING), ("location_id", ASCENDING), ("reviewed_at", DESCENDING)]
            ),
            # The inbox: newest first, filtered by source, rating or reply status.
            IndexModel([("account_id", ASCENDING), ("reviewed_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("reviewed_at", DESCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("rating", ASCENDING), ("reviewed_at", DESCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("replied_at", ASCENDING), ("reviewed_at", DESCENDING)]
            ),
        ]
