"""A notification for one user in one account: what the notifications center lists, unread
until the user reads it."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class Notification(TenantDocument):
    user_id: PydanticObjectId
    kind: str  # what happened, e.g. "live_chat.message", "crm.import_done"
    title: str
    body: str = ""
    link: str | None = None  # where the dashboard opens it, e.g. "/conversations/<id>"
    read_at: datetime | None = None

    class Settings:
        name = "notifications"
        use_state_management = True
        indexes = [
            # The list, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("user_id", ASCENDING), ("created_at", DESCENDING)]
            ),
            # The unread count and "mark all read".
            IndexModel([("account_id", ASCENDING), ("user_id", ASCENDING), ("read_at", ASCENDING)]),
        ]
