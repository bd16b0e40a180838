"""A notification for one user in one account: what the notifications center lists, unread
until the user reads it. Services tell a user something with `shared.domain.notifications`."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument

SHOWN_FIELDS = {"id", "kind", "title", "body", "link", "read_at", "created_at"}


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

    def as_event(self) -> dict[str, Any]:
        """The notification as the notifications center answers it and the socket pushes it."""
        return self.model_dump(mode="json", include=SHOWN_FIELDS)
