"""The notifications center: the caller's notifications in their active account."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.notifications_center import service
from internal_api.notifications_center.schemas import MarkedRead, NotificationRead, UnreadCount
from internal_api.repository import mapped
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications-center", tags=["notifications center"])

# Marking one's own notifications read changes nothing anyone else sees.
NotificationsRead = Annotated[Principal, Depends(requires("notifications:read"))]

SIGNED_IN = (Unauthorized, Forbidden)


@router.get(
    "",
    summary="The caller's notifications, newest first",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_notifications(
    principal: NotificationsRead,
    paging: Paging,
    unread: Annotated[bool, Query(description="only the unread ones")] = False,
) -> Page[NotificationRead]:
    page = await service.list_notifications(principal, paging, unread_only=unread)
    return mapped(page, NotificationRead.of)


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
    summary="Mark one notification read",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def mark_read(notification_id: str, principal: NotificationsRead) -> NotificationRead:
    return NotificationRead.of(await service.mark_read(principal, notification_id))
