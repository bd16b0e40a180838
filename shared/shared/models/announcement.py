"""A platform-wide update from the platform's operators, pushed to every connected dashboard
user and listed for the others (the original's Beamer-like feed)."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import BaseDocument


class Announcement(BaseDocument):
    title: str
    body: str  # plain text
    link_url: str | None = None  # http(s): "read more"
    published_by: PydanticObjectId  # the operator
    published_at: datetime
    withdrawn_at: datetime | None = None  # no longer listed
    beamer_post_id: int | None = None  # its post on the platform's Beamer, once made

    class Settings:
        name = "announcements"
        use_state_management = True
        # The users' list: those not withdrawn, newest first.
        indexes = [IndexModel([("withdrawn_at", ASCENDING), ("published_at", DESCENDING)])]
