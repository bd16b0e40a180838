"""`notify`: the one way any service tells a user something."""

from typing import Any

from beanie import PydanticObjectId

from shared.models.notification import Notification
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, user_room


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
