"""Marking one of the user's notifications read from the socket, as the notifications center
does over HTTP; the user's other connections are told, so every tab's badge agrees."""

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.notification import Notification
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.repository import TenantRepository


async def mark_read(principal: Principal, notification_id: str) -> bool:
    """True if it was unread; another user's notification answers 404 like a missing one."""
    mine = TenantRepository(Notification, principal.account_id).scoped(
        {"_id": PydanticObjectId(notification_id), "user_id": PydanticObjectId(principal.sub)}
    )
    notification = await Notification.find_one(mine)
    if notification is None:
        raise NotFound(f"Notification {notification_id} does not exist.")
    if notification.read_at:
        return False
    notification.read_at = utc_now()
    await notification.save()
    return True
