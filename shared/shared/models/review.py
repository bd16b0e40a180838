"""A review of one of an account's business locations, as read from the provider; the
reputation module reads and answers these."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class Review(TenantDocument):
    provider: str  # google-business
    location_id: PydanticObjectId  # the BusinessLocation
    provider_review_id: str  # Google's reviewId
    reviewer_name: str = ""
    rating: int  # 1 to 5
    comment: str = ""
    reply: str = ""
    reviewed_at: datetime
    replied_at: datetime | None = None

    class Settings:
        name = "reviews"
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
        ]
