"""An answer given on a location's review page: the stars of its first question and, from an
unhappy customer, their private feedback (never published)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ReviewFeedback(TenantDocument):
    page_id: PydanticObjectId
    location_id: PydanticObjectId
    rating: int
    feedback: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""

    class Settings:
        name = "review_feedback"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
