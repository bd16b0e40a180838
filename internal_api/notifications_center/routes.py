"""The notifications center: the caller's notifications in their active account."""

from typing import Annotated

from fastapi import APIRouter, Query

from internal_api.notifications_center import service
from internal_api.notifications_center.auth import NotificationsRead
from internal_api.notifications_center.schemas import MarkedRead, NotificationRead, UnreadCount
from shared.models.notification import Notification
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications-center", tags=["notifications center"])


@router.get(
    "",
    response_model=Page[NotificationRead],
    summary="The caller's notifications, newest first",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_notifications(
    principal: NotificationsRead,
    paging: Paging,
    unread: Annotated[bool, Query(description="only the unread ones")] = False,
) -> Page[Notification]:
    return await service.list_notifications(principal, paging, unread_only=unread)


@router.get(
    "/unread-count",
    summary="How many of the caller's notifications are unread",
    responses=error_responses(*SIGNED_IN),
)
async def unread_count(principal: NotificationsRead) -> UnreadCount:
    return UnreadCount(count=await service.unread_count(principal))


@router.post(
    "/read-all",
    summary="Mark every notification of the caller read",
    responses=error_responses(*SIGNED_IN),
)
async def mark_all_read(principal: NotificationsRead) -> MarkedRead:
    return MarkedRead(count=await service.mark_all_read(principal))


@router.post(
    "/{notification_id}/read",
    response_model=NotificationRead,
    summary="Mark one notification read",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def mark_read(notification_id: str, principal: NotificationsRead) -> Notification:
    return await service.mark_read(principal, notification_id)
