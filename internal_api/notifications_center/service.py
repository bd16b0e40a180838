"""The notifications center: each user's notifications in their active account, newest first,
and marking them read. Another user's notification answers 404 like a missing one.

Any service tells a user something with `shared.domain.notifications.notify`; marking read
(`shared.domain.notifications.reading`) is pushed to the user's other tabs too.
"""

from shared.domain.notifications import reading
from shared.domain.notifications.repository import UNREAD, UserNotifications
from shared.models.notification import Notification
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


def mine(principal: Principal) -> UserNotifications:
    return UserNotifications(principal.account_id, principal.sub)


async def list_notifications(
    principal: Principal, params: PageParams, unread_only: bool
) -> Page[Notification]:
    return await mine(principal).paginate(params, UNREAD if unread_only else None)


async def unread_count(principal: Principal) -> int:
    return await mine(principal).count(UNREAD)


async def mark_read(principal: Principal, notification_id: str) -> Notification:
    notification, _ = await reading.mark_read(mine(principal), notification_id)
    return notification


async def mark_all_read(principal: Principal) -> int:
    return await reading.mark_all_read(mine(principal))
