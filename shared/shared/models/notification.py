"""A notification for one user in one account: what the notifications center lists, unread
until the user reads it; and `notify`, the one way any service tells a user something."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, user_room

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


async def notify(
    account_id: Any, user_id: Any, *, kind: str, title: str, body: str = "", link: str | None = None
) -> Notification:
    """Store the notification and push it to the user's room on the general socket
    (`notification:new`) through the caller's outbox, so only once the caller has succeeded."""
    notification = Notification(
        account_id=PydanticObjectId(account_id),
        user_id=PydanticObjectId(user_id),
        kind=kind,
        title=title,
        body=body,
        link=link,
    )
    await notification.insert()
    emit(Socket.GENERAL, "notification:new", notification.as_event(), user_room(user_id))
    return notification
