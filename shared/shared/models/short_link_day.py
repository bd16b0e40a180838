"""A short link's clicks of one UTC day: recounted from its `ShortLinkClick`s whenever the
queue manager stores clicks of that day, so counting twice never counts a click twice."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class ShortLinkDay(TenantDocument):
    link_id: PydanticObjectId
    day: str  # "2024-05-31"
    clicks: int = 0  # people's, bots' excluded
    bots: int = 0

    class Settings:
        name = "short_link_days"
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("link_id", ASCENDING), ("day", ASCENDING)],
                unique=True,
            ),
        ]
